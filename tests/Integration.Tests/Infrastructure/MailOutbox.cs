using System.Text;
using System.Text.RegularExpressions;

namespace AskVideo.Integration.Tests.Infrastructure;

public sealed record ReceivedEmail(string To, string Subject, string Text, string Html);

/// <summary>Reads the .eml files the file email sender writes (a standard MIME multipart/alternative message).</summary>
public static partial class MailOutbox
{
    public static async Task<ReceivedEmail> WaitForAsync(string to, Func<ReceivedEmail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = All().Where(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && (match?.Invoke(m) ?? true)).ToList();
            if (found.Count > 0) return found[^1];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No email to {to} arrived in {TestEnvironment.MailDir}.");
            await Task.Delay(100);
        }
    }

    public static IReadOnlyList<ReceivedEmail> All() =>
        Directory.Exists(TestEnvironment.MailDir)
            ? Directory.GetFiles(TestEnvironment.MailDir, "*.eml").Order(StringComparer.Ordinal).Select(Parse).ToList()
            : [];

    public static string ExtractLink(ReceivedEmail email, string page)
    {
        var match = Regex.Match(email.Text, $@"https?://\S+/{page}\?token=[A-Za-z0-9_%-]+");
        Assert.True(match.Success, $"No /{page} link in: {email.Text}");
        return match.Value;
    }

    public static string TokenFrom(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private static ReceivedEmail Parse(string path)
    {
        var raw = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = Unfold(raw[..headerEnd]);
        return new ReceivedEmail(Header(headers, "To"), DecodeWord(Header(headers, "Subject")), Part(raw, "text/plain"), Part(raw, "text/html"));
    }

    private static string Unfold(string headers) => headers.Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);

    private static string Header(string headers, string name) =>
        headers.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";

    private static string Part(string raw, string contentType)
    {
        var start = raw.IndexOf("Content-Type: " + contentType, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return "";
        var headerEnd = raw.IndexOf("\n\n", start, StringComparison.Ordinal);
        var partHeaders = raw[start..headerEnd];
        var end = raw.IndexOf("\n--", headerEnd, StringComparison.Ordinal);
        var body = raw[(headerEnd + 2)..(end < 0 ? raw.Length : end)];
        if (partHeaders.Contains("base64", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)));
        if (partHeaders.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            return DecodeQuotedPrintable(body);
        return body;
    }

    private static string DecodeQuotedPrintable(string body)
    {
        var joined = body.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWord(string value)
    {
        // =?utf-8?B?...?= or =?utf-8?Q?...?= encoded words, possibly several.
        return EncodedWord().Replace(value, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '))).Replace("?= =?", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
