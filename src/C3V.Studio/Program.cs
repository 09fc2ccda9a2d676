using C3V.Studio;

// Standalone entry (dotnet run); `c3v serve` calls StudioApp.Run the same way.
return StudioApp.Run(StudioOptions.FromArgs(args), Console.Out);
