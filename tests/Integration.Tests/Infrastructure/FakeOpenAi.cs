using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AskVideo.Infrastructure.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// The only fake allowed: a real HTTP server speaking the OpenAI wire format, so the real OpenAI SDK adapters are
/// exercised end to end. Keys: <see cref="ValidKey"/> works, <see cref="RateLimitedKey"/> gets 429, anything else 401.
/// Embeddings are deterministic hashed bags of words (texts sharing words are close); transcriptions run the real
/// ffmpeg silencedetect over the uploaded audio and return one segment per stretch of sound.
/// </summary>
public sealed partial class FakeOpenAi : IAsyncDisposable
{
    public const string ValidKey = "sk-test-valid-key-1234";
    public const string RateLimitedKey = "sk-test-rate-limited-9999";
    public static readonly int Port = int.Parse(Environment.GetEnvironmentVariable("FAKE_OPENAI_PORT") ?? "5199", System.Globalization.CultureInfo.InvariantCulture);
    public static readonly string BaseUrl = $"http://127.0.0.1:{Port}/v1";

    public static readonly string[] ChatModels = ["gpt-4o", "gpt-4o-mini", "o3-mini"];
    public static readonly string[] OtherModels = ["text-embedding-3-small", "whisper-1", "tts-1", "dall-e-3"];

    private readonly WebApplication _app;

    /// <summary>Every request the fake received (method, path, bearer key), for assertions.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Key)> Requests { get; } = new();

    /// <summary>Inputs per /v1/embeddings request, in arrival order.</summary>
    public ConcurrentQueue<int> EmbeddingBatchSizes { get; } = new();

    /// <summary>Duration (ffprobe, seconds) of the audio of each /v1/audio/transcriptions request that reached the model.</summary>
    public ConcurrentQueue<double> TranscriptionAudioSeconds { get; } = new();

    private int _failTranscriptions;

    /// <summary>The next <paramref name="count"/> transcription requests (with a valid key) get a 500.</summary>
    public void FailNextTranscriptions(int count) => Interlocked.Exchange(ref _failTranscriptions, count);

    /// <summary>Forgets recorded requests and pending failures (tests share one fake).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _failTranscriptions, 0);
        Interlocked.Exchange(ref _failChats, 0);
        ChatRequests.Clear();
        Requests.Clear();
        EmbeddingBatchSizes.Clear();
        TranscriptionAudioSeconds.Clear();
    }

    public FakeOpenAi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var key = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            Requests.Enqueue((context.Request.Method, context.Request.Path, key));
            if (key == RateLimitedKey)
            {
                context.Response.Headers.RetryAfter = "7";
                await Error(context, 429, "Rate limit reached for requests", "rate_limit_exceeded");
                return;
            }
            if (key != ValidKey)
            {
                await Error(context, 401, "Incorrect API key provided.", "invalid_api_key");
                return;
            }
            await next(context);
        });
        _app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = ChatModels.Concat(OtherModels).Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "askvideo-tests" }),
        }));
        _app.MapPost("/v1/embeddings", EmbeddingsAsync);
        _app.MapPost("/v1/audio/transcriptions", TranscriptionAsync);
        _app.MapPost("/v1/chat/completions", ChatAsync);
    }

    /// <summary>Every chat request: its system prompt, its last user message, and whether it streamed.</summary>
    public ConcurrentQueue<(string System, string LastUser, bool Stream)> ChatRequests { get; } = new();

    private int _failChats;

    /// <summary>The next <paramref name="count"/> chat requests (with a valid key) get a 500.</summary>
    public void FailNextChats(int count) => Interlocked.Exchange(ref _failChats, count);

    private volatile ChatHold? _hold;

    /// <summary>
    /// Holds every chat request whose last user message contains <paramref name="marker"/> (other tests' chats go on)
    /// until the hold is disposed: a streamed answer stays open as long as a test needs.
    /// </summary>
    public ChatHold HoldChats(string marker)
    {
        var hold = new ChatHold(marker, () => _hold = null);
        _hold = hold;
        return hold;
    }

    public sealed class ChatHold(string marker, Action release) : IDisposable
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public string Marker => marker;

        /// <summary>Chat requests held so far.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        internal async Task WaitAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            await _released.Task.WaitAsync(cancellationToken);
        }

        public void Dispose()
        {
            release();
            _released.TrySetResult();
        }
    }

    /// <summary>
    /// A deterministic "model": a rewrite request (system prompt starting "Rewrite") gets the user's questions joined;
    /// an answer request gets a sentence quoting the first scene's opening words, citing [1] and an invented [9].
    /// </summary>
    public static string AnswerFor(string system)
    {
        var first = system.Split('\n').SkipWhile(l => !l.StartsWith("[1] ", StringComparison.Ordinal)).Skip(1).FirstOrDefault() ?? "";
        var words = string.Join(' ', first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
        return $"The videos say: \"{words}\" [1]. An invented source [9] is not cited.";
    }

    private async Task ChatAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref _failChats) >= 0)
        {
            await Error(context, 500, "The server had an error while processing your request.", "server_error");
            return;
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var messages = root.GetProperty("messages").EnumerateArray()
            .Select(m => (Role: m.GetProperty("role").GetString()!, Content: ContentOf(m.GetProperty("content")))).ToList();
        var system = messages.FirstOrDefault(m => m.Role == "system").Content ?? "";
        var users = messages.Where(m => m.Role == "user").Select(m => m.Content).ToList();
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        ChatRequests.Enqueue((system, users.LastOrDefault() ?? "", stream));
        if (_hold is { } hold && (users.LastOrDefault() ?? "").Contains(hold.Marker, StringComparison.Ordinal)) await hold.WaitAsync(context.RequestAborted);
        var text = system.StartsWith("Rewrite", StringComparison.Ordinal) ? string.Join(' ', users) : AnswerFor(system);
        var model = root.GetProperty("model").GetString();
        var usage = new { prompt_tokens = 100 + system.Length / 4, completion_tokens = text.Length / 4, total_tokens = 100 + system.Length / 4 + text.Length / 4 };
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
                usage,
            });
            return;
        }
        context.Response.ContentType = "text/event-stream";
        async Task SendAsync(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }
        foreach (var piece in System.Text.RegularExpressions.Regex.Split(text, @"(?<= )"))
        {
            if (piece.Length == 0) continue;
            await SendAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model,
                choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } } });
        }
        await SendAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model,
            choices = new[] { new { index = 0, delta = new { content = "" }, finish_reason = (string?)"stop" } } });
        await SendAsync(new { id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = Array.Empty<object>(), usage });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static string ContentOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString() ?? ""
        : string.Concat(content.EnumerateArray().Select(part => part.TryGetProperty("text", out var t) ? t.GetString() : ""));

    private async Task EmbeddingsAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var inputs = root.GetProperty("input") switch
        {
            { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            var many => many.EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
        };
        var dimensions = root.TryGetProperty("dimensions", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : 1536;
        var base64 = root.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        EmbeddingBatchSizes.Enqueue(inputs.Length);
        var tokens = inputs.Sum(i => Words(i).Count());
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            model = root.TryGetProperty("model", out var m) ? m.GetString() : "text-embedding-3-small",
            data = inputs.Select((text, index) =>
            {
                var vector = HashedVector(text, dimensions);
                object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
                return new { @object = "embedding", index, embedding };
            }),
            usage = new { prompt_tokens = tokens, total_tokens = tokens },
        });
    }

    /// <summary>Signed feature hashing of lowercased words, L2-normalised (e0 for a text without words).</summary>
    /// <summary>Deterministic "semantic" vectors for the fake: the app's own feature-hashing embedder (similar words, similar vectors).</summary>
    public static float[] HashedVector(string text, int dimensions) => new AskVideo.Infrastructure.AI.HashingEmbedder(dimensions).Embed(text);

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    private async Task TranscriptionAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref _failTranscriptions) >= 0)
        {
            await Error(context, 500, "The server had an error while processing your request.", "server_error");
            return;
        }
        Interlocked.Exchange(ref _failTranscriptions, 0);
        Interlocked.Exchange(ref _failChats, 0);
        ChatRequests.Clear();

        var form = await context.Request.ReadFormAsync();
        var upload = form.Files["file"];
        if (upload is null || upload.Length == 0 || string.IsNullOrEmpty(form["model"]))
        {
            await Error(context, 400, "A file and a model are required.", "invalid_request");
            return;
        }
        var path = Path.Combine(Path.GetTempPath(), $"fake-openai-{Guid.NewGuid():N}{Path.GetExtension(upload.FileName)}");
        try
        {
            await using (var file = File.Create(path)) await upload.CopyToAsync(file);
            var duration = await ProbeDurationAsync(path);
            TranscriptionAudioSeconds.Enqueue(duration);
            var speech = await SpeechIntervalsAsync(path, duration);
            var segments = speech.Select((s, id) => new
            {
                id,
                seek = 0,
                start = s.Start,
                end = s.End,
                text = string.Create(CultureInfo.InvariantCulture, $" Speech from {s.Start:0.0} to {s.End:0.0} seconds of this chunk."),
                tokens = Array.Empty<int>(),
                temperature = 0.0,
                avg_logprob = 0.0,
                compression_ratio = 1.0,
                no_speech_prob = 0.0,
            }).ToList();
            var language = string.IsNullOrEmpty(form["language"]) ? "english" : form["language"].ToString();
            var text = string.Concat(segments.Select(s => s.text)).Trim();
            // Token usage as the token-billed models report it: "audio tokens" in (ten a second here), words out.
            var inputTokens = (int)Math.Ceiling(duration * 10);
            var outputTokens = Words(text).Count();
            await context.Response.WriteAsJsonAsync(new
            {
                task = "transcribe",
                language,
                duration,
                text,
                segments,
                usage = new { type = "tokens", input_tokens = inputTokens, output_tokens = outputTokens, total_tokens = inputTokens + outputTokens },
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<double> ProbeDurationAsync(string path)
    {
        var result = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
            TimeSpan.FromSeconds(30), CancellationToken.None);
        return double.TryParse(result.StandardOutput.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
    }

    /// <summary>The complement of what ffmpeg's silencedetect reports, within the file's duration.</summary>
    private static async Task<List<(double Start, double End)>> SpeechIntervalsAsync(string path, double duration)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-i", path, "-af", "silencedetect=noise=-30dB:d=0.3", "-f", "null", "-"],
            TimeSpan.FromSeconds(60), CancellationToken.None);
        var speech = new List<(double Start, double End)>();
        var cursor = 0.0;
        double? silenceStart = null;
        foreach (Match match in SilencePattern().Matches(result.StandardError))
        {
            var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (match.Groups[1].Value == "start")
            {
                if (value - cursor > 0.1) speech.Add((cursor, value));
                silenceStart = value;
            }
            else
            {
                cursor = value;
                silenceStart = null;
            }
        }
        if (silenceStart is null && duration - cursor > 0.1) speech.Add((cursor, duration));
        return speech.Where(s => s.End > s.Start).Select(s => (Math.Round(s.Start, 2), Math.Round(s.End, 2))).ToList();
    }

    [GeneratedRegex(@"silence_(start|end): (-?[0-9.]+)")]
    private static partial Regex SilencePattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public Task StartAsync() => _app.StartAsync();

    private static Task Error(HttpContext context, int status, string message, string code)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type = "invalid_request_error", param = (string?)null, code } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
