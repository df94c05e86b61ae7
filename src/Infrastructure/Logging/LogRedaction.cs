using System.Text;
using System.Text.RegularExpressions;

namespace AskVideo.Infrastructure.Logging;

/// <summary>
/// What of an exception or a message may reach a log line: an exception is its type and message, then each inner
/// exception's, never its stack trace; any text loses stack frames and secrets (passwords and keys in connection
/// strings or settings, credentials in URLs, bearer tokens, JWTs, API keys, share-link tokens in paths).
/// </summary>
public static partial class LogRedaction
{
    private const int MaxInnerExceptions = 8;
    private const string Hidden = "***";

    /// <summary>"Type: message ---> InnerType: message", one line, scrubbed; no stack trace, HRESULT or server path.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        var count = 0;
        Append(exception);
        return text.ToString();

        void Append(Exception e)
        {
            if (count++ > 0) text.Append(" ---> ");
            text.Append(e.GetType().FullName).Append(": ").Append(Scrub(OneLine(e.Message)));
            if (count > MaxInnerExceptions) return;
            // An aggregate's inner exceptions are all the story (InnerException is only the first of them).
            var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(e.InnerException is null ? [] : [e.InnerException]);
            foreach (var i in inner)
            {
                if (count > MaxInnerExceptions) return;
                Append(i);
            }
        }
    }

    /// <summary><paramref name="text"/> without stack frames and with secrets replaced by ***; the same instance when clean.</summary>
    public static string Scrub(string text)
    {
        if (text.Length == 0) return text;
        var result = StackFrame().Replace(text, string.Empty);
        result = KeyedSecret().Replace(result, m => m.Groups["key"].Value + m.Groups["sep"].Value + Hidden);
        result = UrlCredentials().Replace(result, "${scheme}" + Hidden + "@");
        result = Bearer().Replace(result, "${scheme} " + Hidden);
        result = Jwt().Replace(result, Hidden);
        result = ApiKey().Replace(result, "${prefix}" + Hidden);
        result = ShareToken().Replace(result, "/shared/" + Hidden);
        return result;
    }

    /// <summary>
    /// A rendered log message made safe: the full text of each exception among its values (EF Core and others put
    /// <c>exception.ToString()</c> into their messages) becomes its description, then frames and secrets go.
    /// </summary>
    public static string ScrubMessage(string message, IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        if (values is not null)
        {
            foreach (var (_, value) in values)
            {
                if (value is not Exception e) continue;
                var full = e.ToString();
                if (full.Length > 0 && message.Contains(full, StringComparison.Ordinal))
                    message = message.Replace(full, Describe(e), StringComparison.Ordinal);
            }
        }
        return Scrub(message);
    }

    private static string OneLine(string text) => text.Contains('\n', StringComparison.Ordinal)
        ? LineBreaks().Replace(text.Trim(), " ")
        : text;

    /// <summary>A stack frame line ("   at Type.Method(args) in file:line 12") or a separator between parts of a trace.</summary>
    [GeneratedRegex(@"(?:\A|\r?\n)[ \t]*(?:at [^\s(]+\([^)\r\n]*\)[^\r\n]*|--- End of [^\r\n]*---)(?=\r?\n|\z)")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"(?<key>\b[\w.-]*(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|signature|credential|token))(?<sep>""?\s*[=:]\s*""?)(?<value>'[^']*'|""[^""]*""|[^\s;,&'""()\[\]{}<>]+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex KeyedSecret();

    [GeneratedRegex(@"(?<scheme>\b[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic))\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?<prefix>sk-|AKIA)[A-Za-z0-9_-]{8,}")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"/shared/[A-Za-z0-9_-]{16,}")]
    private static partial Regex ShareToken();

    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex LineBreaks();
}
