using System.Net;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Users;

namespace AskVideo.Application.Accounts.Emails;

public enum AccountEmailKind
{
    VerifyEmail = 1,
    PasswordReset = 2,
    AccountExists = 3,
}

/// <summary>Builds the account emails (plain text and HTML) in the user's language from the embedded templates.</summary>
public static class AccountEmails
{
    public static EmailMessage Compose(AccountEmailKind kind, User user, string link, int hours)
    {
        var template = Load(kind, user.PreferredLanguage);
        var newline = template.IndexOf('\n', StringComparison.Ordinal);
        var subject = template[..newline].Replace("Subject:", string.Empty, StringComparison.Ordinal).Trim();
        var body = template[(newline + 1)..].Trim()
            .Replace("{username}", user.Username, StringComparison.Ordinal)
            .Replace("{hours}", hours.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var text = body.Replace("{link}", link, StringComparison.Ordinal) + "\n\n— AskVideo\n";
        return new EmailMessage(user.Email, subject, text, ToHtml(body, link, user.PreferredLanguage));
    }

    private static string ToHtml(string body, string link, string language)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(language).Append("\"><body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#111827\">");
        foreach (var paragraph in body.Split("\n\n"))
        {
            if (paragraph.Trim() == "{link}")
            {
                var href = WebUtility.HtmlEncode(link);
                html.Append("<p><a href=\"").Append(href).Append("\" style=\"display:inline-block;padding:10px 16px;background:#4f46e5;color:#fff;border-radius:6px;text-decoration:none\">")
                    .Append(language == Language.Japanese ? "開く" : "Open AskVideo").Append("</a></p><p style=\"font-size:12px;color:#6b7280\">")
                    .Append(href).Append("</p>");
                continue;
            }
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        html.Append("<p style=\"color:#6b7280\">— AskVideo</p></body></html>");
        return html.ToString();
    }

    private static string Load(AccountEmailKind kind, string language)
    {
        var name = kind switch
        {
            AccountEmailKind.VerifyEmail => "verify_email",
            AccountEmailKind.PasswordReset => "password_reset",
            _ => "account_exists",
        };
        var assembly = typeof(AccountEmails).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{name}.{Language.Normalize(language)}.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
