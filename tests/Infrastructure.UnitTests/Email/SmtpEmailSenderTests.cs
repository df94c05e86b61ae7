using System.Collections.Concurrent;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Email;
using AskVideo.Infrastructure.Queue;
using AskVideo.TestSupport.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;

namespace AskVideo.Infrastructure.UnitTests.Email;

/// <summary>The SMTP sender against a real SMTP server (the SmtpServer package) listening on a loopback port.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private const string Username = TestSmtpServer.Username;
    private const string Password = TestSmtpServer.Password;
    private const string Secret = "reset-token-QWERTY123456";

    private readonly TestSmtpServer _server = new();

    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.StopAsync();

    private (SmtpEmailSender Sender, ListLogger<SmtpEmailSender> Log) CreateSender(string password = Password)
    {
        var options = Options.Create(new EmailOptions
        {
            Provider = "smtp",
            From = "AskVideo <no-reply@askvideo.test>",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _server.Port, EnableSsl = false, Username = Username, Password = password, TimeoutSeconds = 10 },
        });
        var log = new ListLogger<SmtpEmailSender>();
        return (new SmtpEmailSender(options, TimeProvider.System, log), log);
    }

    private static EmailMessage Message(string to) => new(
        to,
        "Bestätige deine E-Mail-Adresse ✓",
        $"Hallo Jürgen,\nopen https://askvideo.test/verify-email?token={Secret} to confirm.",
        $"<p>Hallo J&uuml;rgen,</p><p><a href=\"https://askvideo.test/verify-email?token={Secret}\">Confirm</a> — 24 h.</p>");

    [Fact]
    public async Task SendAsync_ShouldDeliverRecipientSubjectBothPartsAndHeaders_ThroughTheServer()
    {
        var (sender, log) = CreateSender();

        await sender.SendAsync(Message("juergen@example.test"), CancellationToken.None);

        var received = Assert.Single(_server.Received);
        Assert.Equal("no-reply@askvideo.test", received.EnvelopeFrom);
        Assert.Equal(new[] { "juergen@example.test" }, received.EnvelopeTo);
        Assert.Equal((Username, Password), _server.Logins.Single());

        var mail = await MimeMessage.LoadAsync(new MemoryStream(received.Data));
        Assert.Equal("juergen@example.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("AskVideo", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Equal("Bestätige deine E-Mail-Adresse ✓", mail.Subject);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.EndsWith("@askvideo.test", mail.MessageId, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - mail.Date < TimeSpan.FromMinutes(1));
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(new[] { "text/plain", "text/html" }, alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Equal($"Hallo Jürgen,\nopen https://askvideo.test/verify-email?token={Secret} to confirm.", mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains($"<a href=\"https://askvideo.test/verify-email?token={Secret}\">Confirm</a> — 24 h.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.Contains("sent through SMTP", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ShouldFailForGood_WhenTheServerRejectsTheRecipient()
    {
        var (sender, log) = CreateSender();

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => sender.SendAsync(Message("reject-me@example.test"), CancellationToken.None));

        Assert.Equal("email_rejected", ex.Code.Value);
        Assert.False(ex.Transient);
        Assert.Contains("550", ex.Message, StringComparison.Ordinal);
        Assert.True(JobExecutor.IsPermanent(ex), "A refused recipient must fail the job instead of retrying it.");
        Assert.Empty(_server.Received);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, l => l.Contains(Password, StringComparison.Ordinal) || l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ShouldBeRetried_WhenTheServerRefusesTheMessageForNow()
    {
        _server.NextResponse = new SmtpResponse(SmtpReplyCode.InsufficientStorage, "4.3.1 Mailbox full, try again later");
        var (sender, _) = CreateSender();

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => sender.SendAsync(Message("juergen@example.test"), CancellationToken.None));

        Assert.Equal("email_rejected", ex.Code.Value);
        Assert.True(ex.Transient);
        Assert.False(JobExecutor.IsPermanent(ex), "A temporary refusal must leave the job to the queue's retries.");
    }

    [Fact]
    public async Task SendAsync_ShouldFailForGood_WithoutQuotingTheCredentials_WhenTheServerRefusesThem()
    {
        var (sender, log) = CreateSender(password: "wrong-" + Password);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => sender.SendAsync(Message("juergen@example.test"), CancellationToken.None));

        Assert.Equal("email_auth_failed", ex.Code.Value);
        Assert.True(JobExecutor.IsPermanent(ex));
        Assert.Contains("Email:Smtp:Password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, l => l.Contains(Password, StringComparison.Ordinal));
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task SendAsync_ShouldBeRetried_WhenNoServerListens()
    {
        var port = _server.Port;
        await _server.StopAsync();
        var (sender, _) = CreateSender();

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => sender.SendAsync(Message("juergen@example.test"), CancellationToken.None));

        Assert.Equal("email_unavailable", ex.Code.Value);
        Assert.True(ex.Transient);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }
}

internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
}
