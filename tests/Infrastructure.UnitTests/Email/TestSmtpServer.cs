using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AskVideo.TestSupport.Smtp;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port that records what it accepts. It requires the
/// login <see cref="Username"/>/<see cref="Password"/>, refuses recipients whose local part starts with "reject" (550)
/// and answers the next message with <see cref="NextResponse"/> when set. Shared by the unit and integration tests.
/// </summary>
internal sealed class TestSmtpServer : IMessageStore, IMailboxFilter, IUserAuthenticator
{
    public const string Username = "askvideo";
    public const string Password = "s3cret-smtp-password";

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
        return Task.FromResult(user == Username && password == Password);
    }
}
