using AskVideo.Application.Common.Jobs;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// The one API host of a test run: the real Program on a real Kestrel port (so nginx can proxy to it), wired to
/// the test stack's PostgreSQL and Redis, with the in-process job consumer on.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["ConnectionStrings:Postgres"] = TestEnvironment.ConnectionString(TestEnvironment.Database),
        ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
        ["Queue:KeyPrefix"] = "avqit",
        ["Queue:ConsumerEnabled"] = "true",
        ["Queue:Concurrency"] = "2",
        ["Queue:PollMilliseconds"] = "200",
        ["Queue:MaintenanceSeconds"] = "1",
        ["Queue:ReconcileAfterSeconds"] = "2",
        ["Queue:RetryBaseSeconds"] = "1",
        ["Queue:RetryMaxSeconds"] = "2",
        ["Storage:LocalRoot"] = TestEnvironment.MediaRoot,
        ["App:PublicUrl"] = TestEnvironment.NginxUrl.ToString().TrimEnd('/'),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:AskVideo"] = "Warning",
    };

    public ApiFactory()
    {
        UseKestrel(TestEnvironment.ApiPort);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // Test-only job types, to exercise retries and dead letters through the real queue.
            services.AddSingleton(JobTypeRegistry.FromAssemblies([typeof(Application.DependencyInjection).Assembly, typeof(FlakyJob).Assembly]));
            services.AddScoped<IRequestHandler<FlakyJob, Unit>, FlakyJobHandler>();
        });
    }
}
