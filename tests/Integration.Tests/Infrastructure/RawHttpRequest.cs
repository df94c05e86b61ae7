using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 request written by hand over a socket, so a test controls exactly how much of the body is sent and
/// can see an answer that arrives before the body is complete (HttpClient cannot show that).
/// </summary>
public sealed class RawHttpRequest : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;
    private Task<RawHttpResponse>? _response;

    public long BodyBytesSent { get; private set; }

    public static async Task<RawHttpRequest> StartAsync(int port, string method, string path, IEnumerable<(string Name, string Value)> headers)
    {
        var request = new RawHttpRequest();
        await request._client.ConnectAsync("127.0.0.1", port);
        request._stream = request._client.GetStream();
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await request._stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        request._response = RawHttpResponse.ReadAsync(request._stream);
        return request;
    }

    /// <summary>Sends more of the body; false when the server has already answered (nothing more is sent then).</summary>
    public async Task<bool> SendAsync(byte[] bytes)
    {
        if (_response!.IsCompleted) return false;
        try
        {
            await _stream.WriteAsync(bytes);
            BodyBytesSent += bytes.Length;
            return true;
        }
        catch (IOException)
        {
            return false; // the server answered and closed
        }
    }

    /// <summary>The answer, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<RawHttpResponse?> ResponseWithinAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_response!, Task.Delay(timeout));
        return finished == _response ? await _response : null;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_response is not null)
        {
            try
            {
                await _response;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                // The connection was closed under a pending read.
            }
        }
    }
}

public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    /// <summary>The final response (an interim 100 Continue before it is skipped).</summary>
    public static async Task<RawHttpResponse> ReadAsync(Stream stream)
    {
        var buffer = new List<byte>();
        while (true)
        {
            var response = await ReadOneAsync(stream, buffer);
            if (response.Status >= 200) return response;
        }
    }

    private static async Task<RawHttpResponse> ReadOneAsync(Stream stream, List<byte> buffer)
    {
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0) throw new InvalidOperationException("The connection closed before a response head.");
            buffer.AddRange(chunk.AsSpan(0, read));
        }
        var lines = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = buffer.Skip(headEnd + 4).ToList();
        buffer.Clear();
        if (status < 200)
        {
            buffer.AddRange(body); // the next response's bytes, if any arrived already
            return new RawHttpResponse(status, headers, string.Empty);
        }
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (chunked ? !EndsWithLastChunk(body) : body.Count < length)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0) break;
            body.AddRange(chunk.AsSpan(0, read));
        }
        var text = Encoding.UTF8.GetString(body.ToArray());
        return new RawHttpResponse(status, headers, chunked ? Dechunk(text) : text);
    }

    private static bool EndsWithLastChunk(List<byte> body) =>
        Encoding.ASCII.GetString(body.ToArray()).EndsWith("0\r\n\r\n", StringComparison.Ordinal);

    private static string Dechunk(string text)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = text.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(text[position..lineEnd], 16);
            if (size == 0) return result.ToString();
            result.Append(text, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        }
        return -1;
    }
}
