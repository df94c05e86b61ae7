using AskVideo.Api;
using AskVideo.Api.Cli;
using AskVideo.Infrastructure.Configuration;
using AskVideo.Infrastructure.Logging;

// An API that cannot start (or a command that fails) exits 1 with one log line, not the runtime's stack trace (HostExit).
return await HostExit.RunAsync(async () =>
{
    // Content root is the binary's folder so appsettings.json is found whatever the working directory is.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    // A VideoQ deployment's variables (DATABASE_URL, CELERY_BROKER_URL, …) work as aliases; native settings win.
    builder.Configuration.AddVideoQAliases();
    builder.AddApiServices();

    var app = builder.Build();
    app.UseApiPipeline();
    app.MapApiEndpoints();

    // "migrate", "create-admin", "reindex", "openapi" and "import-videoq" run a command and exit instead of serving.
    if (CliCommand.IsCommand(args))
        return await CliCommand.RunAsync(app, args);

    await app.RunAsync();
    return 0;
});

/// <summary>The API host's entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
