using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace AskVideo.Infrastructure.Email;

/// <summary>Outgoing mail (section "Email"): SMTP for servers, a folder of .eml files for local runs and tests.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    /// <summary>"smtp" or "file".</summary>
    public string Provider { get; set; } = "file";

    public string From { get; set; } = "AskVideo <no-reply@askvideo.local>";

    /// <summary>Where the file provider writes messages (one .eml per message).</summary>
    public string OutboxDirectory { get; set; } = "mail";

    public SmtpSettings Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not ("smtp" or "file"))
            yield return new ValidationResult("Email:Provider must be \"smtp\" or \"file\".", [nameof(Provider)]);
        if (Provider == "smtp" && string.IsNullOrWhiteSpace(Smtp.Host))
            yield return new ValidationResult("Email:Smtp:Host must be set for the smtp provider.", ["Smtp.Host"]);
        if (Smtp.TimeoutSeconds is < 1 or > 600)
            yield return new ValidationResult("Email:Smtp:TimeoutSeconds must be 1 to 600.", ["Smtp.TimeoutSeconds"]);
        if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            yield return new ValidationResult("Email:From must be a valid address, e.g. \"AskVideo <no-reply@example.com>\".", [nameof(From)]);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>TLS: implicit on port 465, STARTTLS (required) on any other port. Off only for a trusted local relay.</summary>
    public bool EnableSsl { get; set; } = true;

    public int TimeoutSeconds { get; set; } = 30;

    internal SecureSocketOptions SecureSocket() => !EnableSsl ? SecureSocketOptions.None
        : Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}

internal static class MailMessages
{
    /// <summary>A multipart/alternative message (plain text first, HTML preferred) marked as sent by a machine.</summary>
    public static MimeMessage Build(EmailMessage message, string from, DateTimeOffset date)
    {
        var sender = MailboxAddress.Parse(from);
        var mail = new MimeMessage { Subject = message.Subject, Date = date };
        mail.From.Add(sender);
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(sender.Domain);
        // RFC 3834: an automatic message; auto-responders must not answer it.
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Body = new MultipartAlternative
        {
            Part(TextFormat.Plain, message.TextBody),
            Part(TextFormat.Html, message.HtmlBody),
        };
        return mail;
    }

    private static TextPart Part(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", text);
        return part;
    }
}

/// <summary>
/// Sends through an SMTP server with MailKit. A refusal the server means (5xx) fails the job for good; a temporary
/// one (4xx), a lost connection or a timeout is retried by the queue. Credentials never reach logs or errors.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = MailMessages.Build(message, o.From, time.GetUtcNow());
        using var client = new SmtpClient { Timeout = o.Smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, o.Smtp.SecureSocket(), cancellationToken);
            if (!string.IsNullOrEmpty(o.Smtp.Username))
                await client.AuthenticateAsync(o.Smtp.Username, o.Smtp.Password ?? string.Empty, cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var permanent = (int)ex.StatusCode >= 500;
            throw new UpstreamException(
                ErrorCode.EmailRejected,
                $"The mail server refused the message ({(int)ex.StatusCode}, {ex.ErrorCode}): {ex.Message}",
                transient: !permanent);
        }
        catch (AuthenticationException)
        {
            // The server's reply can quote what was sent; say only what to fix.
            throw new UpstreamException(ErrorCode.EmailAuthFailed, "The mail server refused the credentials in Email:Smtp:Username and Email:Smtp:Password.", transient: false);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SocketException or IOException or TimeoutException or SslHandshakeException)
        {
            throw new UpstreamException(ErrorCode.EmailUnavailable, $"The mail server {o.Smtp.Host}:{o.Smtp.Port} could not be reached or broke off: {ex.Message}", transient: true);
        }
        logger.LogInformation("Email \"{Subject}\" sent through SMTP", message.Subject);
    }
}

/// <summary>Writes each message as a standard .eml file (openable in any mail client) and logs where.</summary>
internal sealed class FileEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<FileEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var outbox = Path.GetFullPath(options.Value.OutboxDirectory);
        var staging = Path.Combine(outbox, ".staging");
        Directory.CreateDirectory(staging);
        var now = time.GetUtcNow();
        var name = $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}.eml";
        var written = Path.Combine(staging, name);
        try
        {
            using var mail = MailMessages.Build(message, options.Value.From, now);
            await mail.WriteToAsync(written, cancellationToken);
            // Readers of the outbox see whole messages only.
            var target = Path.Combine(outbox, name);
            File.Move(written, target);
            logger.LogInformation("Email \"{Subject}\" written to {Path}", message.Subject, target);
        }
        finally
        {
            File.Delete(written);
        }
    }
}
