using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        MailAddress? from = null;
        try
        {
            from = new MailAddress(From);
        }
        catch (FormatException)
        {
        }
        if (from is null) yield return new ValidationResult("Email:From must be a valid address, e.g. \"AskVideo <no-reply@example.com>\".", [nameof(From)]);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; } = true;
}

internal static class MailMessages
{
    public static MailMessage Build(EmailMessage message, string from)
    {
        var mail = new MailMessage(new MailAddress(from), new MailAddress(message.To))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        return mail;
    }
}

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = MailMessages.Build(message, o.From);
        using var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port) { EnableSsl = o.Smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(o.Smtp.Username)) client.Credentials = new NetworkCredential(o.Smtp.Username, o.Smtp.Password);
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Email \"{Subject}\" sent through SMTP", message.Subject);
    }
}

/// <summary>Writes each message as a standard .eml file (openable in any mail client) and logs where.</summary>
internal sealed class FileEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<FileEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var outbox = Path.GetFullPath(options.Value.OutboxDirectory);
        var staging = Path.Combine(outbox, ".staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            using var mail = MailMessages.Build(message, options.Value.From);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging };
            await client.SendMailAsync(mail, cancellationToken);
            var written = Directory.GetFiles(staging, "*.eml").Single();
            var target = Path.Combine(outbox, $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}.eml");
            File.Move(written, target);
            logger.LogInformation("Email \"{Subject}\" written to {Path}", message.Subject, target);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
