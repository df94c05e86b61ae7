using AskVideo.Application;
using AskVideo.Infrastructure;
using AskVideo.Infrastructure.Configuration;
using AskVideo.Infrastructure.Logging;
using AskVideo.Infrastructure.Observability;

// The worker only composes: the queue consumer and every adapter live in Infrastructure, the job handlers in Application.
// A worker that cannot start exits 1 with one log line, not the runtime's stack trace (HostExit).
return await HostExit.RunAsync(async () =>
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    // A VideoQ deployment's variables (DATABASE_URL, CELERY_BROKER_URL, …) work as aliases; native settings win.
    builder.Configuration.AddVideoQAliases();
    builder.Logging.AddAskVideoLogging(builder.Configuration);
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddObservability(builder.Configuration, "askvideo-worker");
    builder.Services.AddJobConsumer();
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

    var host = builder.Build();
    await host.RunAsync();
    return 0;
});
