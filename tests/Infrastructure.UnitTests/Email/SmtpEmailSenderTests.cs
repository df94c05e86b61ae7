using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Email;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AskVideo.Infrastructure.UnitTests.Email;

/// <summary>The SMTP sender against a real SMTP server (the SmtpServer package) listening on a loopback port.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private const string Username = "askvideo";
    private const string Password = "s3cret-smtp-password";
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

        Assert.Equal("email_rejected", ex.Code);
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

        Assert.Equal("email_rejected", ex.Code);
        Assert.True(ex.Transient);
        Assert.False(JobExecutor.IsPermanent(ex), "A temporary refusal must leave the job to the queue's retries.");
    }

    [Fact]
    public async Task SendAsync_ShouldFailForGood_WithoutQuotingTheCredentials_WhenTheServerRefusesThem()
    {
        var (sender, log) = CreateSender(password: "wrong-" + Password);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => sender.SendAsync(Message("juergen@example.test"), CancellationToken.None));

        Assert.Equal("email_auth_failed", ex.Code);
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

        Assert.Equal("email_unavailable", ex.Code);
        Assert.True(ex.Transient);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>A real SMTP server on a free loopback port that records what it accepts.</summary>
internal sealed class TestSmtpServer : IMessageStore, IMailboxFilter, IUserAuthenticator
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public sealed record ReceivedMessage(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, byte[] Data);

    public int Port { get; } = FreePort();

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    /// <summary>The answer to the next message's DATA (Ok when null).</summary>
    public SmtpResponse? NextResponse { get; set; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AuthenticationRequired(true).AllowUnsecureAuthentication(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add((IMessageStore)this);
        services.Add((IMailboxFilter)this);
        services.Add((IUserAuthenticator)this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not listen on {Port}.");
    }

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }

    public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var response = NextResponse ?? SmtpResponse.Ok;
        NextResponse = null;
        if (response.ReplyCode == SmtpReplyCode.Ok)
            Received.Enqueue(new ReceivedMessage(transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList(), buffer.ToArray()));
        return Task.FromResult(response);
    }

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Task.FromResult(!to.User.StartsWith("reject", StringComparison.Ordinal));

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        Logins.Enqueue((user, password));
        return Task.FromResult(user == "askvideo" && password == "s3cret-smtp-password");
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
