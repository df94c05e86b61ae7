using System.Collections.Concurrent;
using AskVideo.Application.Accounts.Emails;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.TestSupport.Smtp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;

namespace AskVideo.Integration.Tests.Email;

/// <summary>
/// Account emails through the real queue, the real job handler and the MailKit sender, to an SMTP server the test
/// starts: a host configured for SMTP runs the jobs on a consumer of its own.
/// </summary>
public sealed class SmtpEmailJobTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private readonly TestSmtpServer _smtp = new();
    private readonly CapturedLogs _logs = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _smtp.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _smtp.StopAsync();
        await base.DisposeAsync();
    }

    private WebApplicationFactory<Program> SmtpHost(ApiFactory variant) => variant.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));

    private ApiFactory SmtpVariant() => new(new Dictionary<string, string?>
    {
        ["Email:Provider"] = "smtp",
        ["Email:From"] = "AskVideo <no-reply@askvideo.test>",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:EnableSsl"] = "false",
        ["Email:Smtp:Username"] = TestSmtpServer.Username,
        ["Email:Smtp:Password"] = TestSmtpServer.Password,
        ["Logging:LogLevel:AskVideo"] = "Information",
    });

    private async Task<Job> WaitForAsync(Guid id, Func<Job, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (done(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {id} is still {job.Status} after {job.Attempts} attempts: {job.LastError}");
            await Task.Delay(50);
        }
    }

    private async Task<Guid> SendThroughSmtpAsync(TestUser user, Func<Guid, Task<Job>> waitFor)
    {
        await using var variant = SmtpVariant();
        await using var host = SmtpHost(variant);
        await using var consumer = IsolatedConsumer.Create(host.Services, TimeSpan.FromSeconds(5));
        await consumer.StartAsync();
        var id = await consumer.DispatchAsync(new SendAccountEmailJob(user.Id, AccountEmailKind.AccountExists, null));
        await waitFor(id);
        return id;
    }

    [Fact]
    public async Task AccountEmail_ShouldReachTheSmtpServer_WithBothPartsForTheUser()
    {
        var user = await Fixture.CreateAsync();

        var id = await SendThroughSmtpAsync(user, id => WaitForAsync(id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Dead));

        var job = await WaitForAsync(id, _ => true);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var received = Assert.Single(_smtp.Received);
        Assert.Equal(new[] { user.Email }, received.EnvelopeTo);
        var mail = await MimeMessage.LoadAsync(new MemoryStream(received.Data));
        Assert.Equal(user.Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.Contains(user.Username, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Empty(MailOutbox.All());
    }

    [Fact]
    public async Task AccountEmail_ShouldFailTheJobWithoutRetries_WhenTheServerRejectsTheRecipient()
    {
        var user = await Fixture.CreateAsync(name: "reject" + Guid.NewGuid().ToString("N")[..8]);

        var id = await SendThroughSmtpAsync(user, id => WaitForAsync(id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Dead));

        var job = await WaitForAsync(id, _ => true);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("refused", job.LastError, StringComparison.Ordinal);
        Assert.Contains("550", job.LastError, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);
        Assert.Contains(_logs.Lines, l => l.Contains("failed permanently", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(TestSmtpServer.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountEmail_ShouldBeRetried_WhenTheServerRefusesItForNow()
    {
        var user = await Fixture.CreateAsync();
        _smtp.NextResponse = new SmtpResponse(SmtpReplyCode.InsufficientStorage, "4.3.1 Mailbox full, try again later");

        // The failed attempt is scheduled for a retry: back to pending with its error, not failed.
        var id = await SendThroughSmtpAsync(user, id => WaitForAsync(id, j => j.LastError is not null || j.Status is JobStatus.Failed or JobStatus.Dead));
        var afterRefusal = await WaitForAsync(id, _ => true);
        Assert.NotEqual(JobStatus.Failed, afterRefusal.Status);
        Assert.NotEqual(JobStatus.Dead, afterRefusal.Status);
        Assert.Contains("452", afterRefusal.LastError, StringComparison.Ordinal);

        // The retry runs on the shared host (file provider) once the SMTP host is gone, and succeeds.
        var retried = await WaitForAsync(id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Dead);
        Assert.Equal(JobStatus.Succeeded, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(TestSmtpServer.Password, StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
