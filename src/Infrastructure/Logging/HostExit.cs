using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace AskVideo.Infrastructure.Logging;

/// <summary>
/// The hosts' entry points run through here, so a host that cannot start (invalid settings, a port in use, a failed
/// migration) ends with exit code 1 and one JSON line (the exception's types and messages, scrubbed) instead of the
/// runtime's "Unhandled exception" dump with its stack trace. The host has usually logged the failure already.
/// </summary>
public static class HostExit
{
    public const int Failed = 1;

    public static async Task<int> RunAsync(Func<Task<int>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        // Only the process's own entry point turns a failure into an exit code. A host run inside another program
        // (WebApplicationFactory runs Program's entry point in the test host, stops it with HostAbortedException, and
        // learns of a failed start only from the exception) gets every exception as it is.
        var isProcessEntryPoint = Assembly.GetEntryAssembly() == main.Method.Module.Assembly;
        try
        {
            return await main();
        }
        catch (Exception ex) when (isProcessEntryPoint && ex is not HostAbortedException)
        {
            await Console.Error.WriteLineAsync(FatalLine(ex, TimeProvider.System.GetUtcNow()));
            return Failed;
        }
    }

    /// <summary>The line written for a host that stopped on <paramref name="exception"/>, shaped like the JSON console logs.</summary>
    public static string FatalLine(Exception exception, DateTimeOffset now)
    {
        var description = LogRedaction.Describe(exception);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("EventId", 0);
            json.WriteString("LogLevel", "Critical");
            json.WriteString("Category", "AskVideo.Host");
            json.WriteString("Message", "The host stopped: " + description);
            json.WriteString("Exception", description);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
