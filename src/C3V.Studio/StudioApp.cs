using C3V.Studio.Api;
using C3V.Studio.Files;
using C3V.Studio.Jobs;
using C3V.Studio.Security;
using C3V.Studio.View;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C3V.Studio;

/// <summary>The studio web app: the JSON API (described at /openapi/v1.json), its guard, the job queue and the front end.</summary>
public static class StudioApp
{
    /// <summary>Builds the app for <paramref name="options"/> (Kestrel on Host:Port; port 0 picks a free one).</summary>
    public static WebApplication Build(StudioOptions options, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(StudioApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Bodies.MaxBytes + 1024);
        builder.Logging.ClearProviders();
        if (logging is not null) logging(builder.Logging);
        else builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        AddServices(builder.Services, options);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>The services; tests replace <see cref="StudioOptions"/> after this.</summary>
    public static void AddServices(IServiceCollection services, StudioOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new ProjectStore(sp.GetRequiredService<StudioOptions>().ProjectsRoot));
        services.AddSingleton(sp => new LocalRequestGuard(sp.GetRequiredService<StudioOptions>()));
        services.AddSingleton<StudioPipeline>();
        services.AddSingleton(sp => new SceneViews(() => sp.GetRequiredService<StudioPipeline>().Create(null, Pipeline.SilentObserver.Instance)));
        services.AddSingleton(sp => new JobLog(sp.GetRequiredService<StudioOptions>().ProjectsRoot));
        services.AddSingleton<JobQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "C3V studio API";
            doc.Info.Description = "Generate, inspect and edit C3V projects: jobs with server-sent progress, plans, placements, one-concept edits, renders, downloads and the composed 4D scene as splats.";
            return Task.CompletedTask;
        }));
    }

    public static void Configure(WebApplication app)
    {
        app.Use((ctx, next) => ctx.RequestServices.GetRequiredService<LocalRequestGuard>().Handle(ctx, next));
        app.Use(ApiErrors.Handle);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapGet("/health", (StudioOptions o) => new { ok = true, projects = o.ProjectsRoot, llm = o.Llm, frontEnd = o.WebRoot is not null, frontEndProblem = o.WebProblem });
        JobEndpoints.Map(api);
        ProjectEndpoints.Map(api);
        ViewEndpoints.Map(api);
        app.MapGet("/{**path}", (string? path, StudioOptions o) => FrontEnd.Serve(o, path)).ExcludeFromDescription();
    }

    /// <summary>Runs the studio until Ctrl-C, printing its address (and a warning when it listens beyond loopback).</summary>
    public static int Run(StudioOptions options, TextWriter output, Action<string>? opened = null)
    {
        if (!options.IsLoopback)
            output.WriteLine($"c3v: warning: the studio listens on {options.Host}, not only on this machine: anyone who can reach it can generate, edit and delete projects in {options.ProjectsRoot}");
        var app = Build(options);
        app.Start();
        var address = $"http://{(options.IsLoopback ? "127.0.0.1" : options.Host)}:{new Uri(app.Urls.First()).Port}/";
        output.WriteLine($"c3v studio: {address}  (projects in {options.ProjectsRoot}; Ctrl-C stops)");
        if (options.WebProblem is { } problem) output.WriteLine($"c3v: warning: {problem}");
        opened?.Invoke(address);
        app.WaitForShutdown();
        return 0;
    }
}
