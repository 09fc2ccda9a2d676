using C3V.Cli;

return CliApp.Run(args);
