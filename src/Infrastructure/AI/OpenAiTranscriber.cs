using System.ClientModel;
using System.Globalization;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;
using AskVideo.Infrastructure.Media;
using AskVideo.Infrastructure.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Audio;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// Speech recognition through OpenAI Whisper or any compatible /v1/audio/transcriptions server. The audio is cut
/// into chunks of length L (under the provider's upload limit) with ffmpeg's input-side seek, each chunk padded by
/// a small overlap on both sides. A segment belongs to the chunk in which it starts, so a sentence that crosses a
/// cut is kept once, whole. Chunks run concurrently (bounded); each is tried a fixed number of times, and a chunk
/// that still fails fails the whole call: a transcript never has silent gaps.
/// </summary>
internal sealed class OpenAiTranscriber(IOptions<AiOptions> options, FfmpegRunner ffmpeg, ILogger<OpenAiTranscriber> logger, AppMetrics metrics, TimeProvider time)
    : ITranscriber
{
    /// <summary>Bytes per second of the chunk encoding (mono MP3 at 32 kb/s).</summary>
    internal const int EncodedBytesPerSecond = 32_000 / 8;

    // Languages Whisper names in full in verbose_json, mapped to the ISO 639-1 codes the app stores.
    private static readonly Dictionary<string, string> LanguageCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["japanese"] = "ja", ["chinese"] = "zh", ["korean"] = "ko", ["german"] = "de", ["french"] = "fr",
        ["spanish"] = "es", ["italian"] = "it", ["portuguese"] = "pt", ["russian"] = "ru", ["dutch"] = "nl", ["arabic"] = "ar",
        ["hindi"] = "hi", ["vietnamese"] = "vi", ["thai"] = "th", ["indonesian"] = "id", ["turkish"] = "tr", ["polish"] = "pl",
    };

    public bool IsAvailable(string? apiKey) =>
        options.Value.TranscriptionProvider == "openai" && OpenAiErrors.ResolveKey(apiKey, options.Value.OpenAI) is not null;

    /// <summary>Chunk length in seconds: the configured one, shortened so a padded chunk fits the byte limit (10 % margin).</summary>
    internal static double ChunkLength(TranscriptionSettings settings)
    {
        var fitting = settings.MaxChunkBytes * 0.9 / EncodedBytesPerSecond - 2 * settings.OverlapSeconds;
        return Math.Max(1, Math.Min(settings.ChunkSeconds, Math.Floor(fitting)));
    }

    public async Task<TranscriptionResult> TranscribeAsync(string input, double durationSeconds, string? language, string? apiKey,
        IProgress<double> progress, CancellationToken cancellationToken)
    {
        var ai = options.Value;
        var key = OpenAiErrors.ResolveKey(apiKey, ai.OpenAI) ?? throw OpenAiErrors.MissingKey();
        var settings = ai.Transcription;
        var length = ChunkLength(settings);
        var total = Math.Max(1, (int)Math.Ceiling(durationSeconds / length));
        var hint = string.IsNullOrWhiteSpace(language) ? null : language.Split('-', '_')[0].ToLowerInvariant();
        var client = new AudioClient(ai.OpenAI.TranscriptionModel, new ApiKeyCredential(key), OpenAiErrors.ClientOptions(ai.OpenAI));
        var directory = Path.Combine(Path.GetTempPath(), $"askvideo-asr-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var finished = 0;
        try
        {
            var tasks = Enumerable.Range(0, total).Select(async k =>
            {
                await slots.WaitAsync(failed.Token);
                try
                {
                    var chunk = new Chunk(k, total, k * length, length, k == total - 1, settings.OverlapSeconds);
                    var result = await TranscribeChunkAsync(client, input, chunk, hint, directory, settings.AttemptsPerChunk, failed.Token);
                    progress.Report((double)Interlocked.Increment(ref finished) / total);
                    return result;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await failed.CancelAsync(); // no point finishing the other chunks
                    throw;
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();

            (IReadOnlyList<TranscriptLine> Lines, string? Language)[] chunks;
            try
            {
                chunks = await Task.WhenAll(tasks);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The first chunk to fail cancels the others, whose own errors (cut short) are not the story:
                // report the provider's verdict, a permanent one (an invalid key) before a transient one.
                var verdict = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                    .OfType<UpstreamException>().OrderBy(e => e.Transient).FirstOrDefault();
                if (verdict is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(verdict);
                throw;
            }

            var lines = chunks.SelectMany(c => c.Lines).OrderBy(l => l.StartMs).ThenBy(l => l.EndMs).ToList();
            var reported = chunks.Select(c => c.Language).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
            return new TranscriptionResult(lines, hint ?? NormalizeLanguage(reported));
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning("Could not delete a transcription temp folder: {Error}", ex.Message);
            }
        }
    }

    private async Task<(IReadOnlyList<TranscriptLine> Lines, string? Language)> TranscribeChunkAsync(AudioClient client, string input,
        Chunk chunk, string? hint, string directory, int attempts, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, $"chunk-{chunk.Index:D5}.mp3");
        await ExtractAsync(input, chunk, file, cancellationToken);
        try
        {
            if (new FileInfo(file).Length == 0) return ([], null); // past the end of the audio: nothing to hear

            var transcriptionOptions = new AudioTranscriptionOptions
            {
                ResponseFormat = AudioTranscriptionFormat.Verbose,
                TimestampGranularities = AudioTimestampGranularities.Segment,
                Language = hint,
            };
            var model = options.Value.OpenAI.TranscriptionModel;
            for (var attempt = 1; ; attempt++)
            {
                var started = time.GetTimestamp();
                try
                {
                    await using var audio = File.OpenRead(file);
                    var transcription = (await client.TranscribeAudioAsync(audio, "audio.mp3", transcriptionOptions, cancellationToken)).Value;
                    metrics.AiRequest(AppMetrics.AiOperation.Transcription, model, time.GetElapsedTime(started), null);
                    RecordUsage(model, transcription);
                    return (ToLines(transcription, chunk), transcription.Language);
                }
                catch (Exception ex) when (OpenAiErrors.Map(ex, cancellationToken) is { } mapped)
                {
                    metrics.AiRequest(AppMetrics.AiOperation.Transcription, model, time.GetElapsedTime(started), mapped.Code.Value);
                    if (!mapped.Transient) throw mapped;
                    logger.LogWarning("Transcription of part {Part} of {Parts} failed on attempt {Attempt} of {Attempts} ({Code})",
                        chunk.Index + 1, chunk.Total, attempt, attempts, mapped.Code);
                    if (attempt >= attempts)
                        throw new UpstreamException(ErrorCode.TranscriptionFailed,
                            $"Speech recognition failed for part {chunk.Index + 1} of {chunk.Total} ({chunk.Range}) of the media file after {attempts} attempts. Try again later.",
                            transient: true, mapped.RetryAfter);
                    var wait = mapped.RetryAfter is { } retryAfter && mapped.Code == ErrorCode.AiRateLimited
                        ? TimeSpan.FromSeconds(Math.Min(retryAfter.TotalSeconds, 30))
                        : TimeSpan.FromMilliseconds(500 * attempt);
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Token usage, which the token-billed models (gpt-4o-transcribe) report; whisper-1 reports seconds of audio
    /// instead, which are not tokens and are left out. The SDK marks the usage object experimental (OPENAI001).
    /// </summary>
    private void RecordUsage(string model, AudioTranscription transcription)
    {
#pragma warning disable OPENAI001
        if (transcription.Usage is AudioTranscriptionTokenUsage tokens)
            metrics.AiTokens(AppMetrics.AiOperation.Transcription, model, tokens.InputTokenCount, tokens.OutputTokenCount);
#pragma warning restore OPENAI001
    }

    /// <summary>Cuts one padded chunk to compact mono MP3; the seek is on the input side, so it costs no decoding.</summary>
    private async Task ExtractAsync(string input, Chunk chunk, string file, CancellationToken cancellationToken)
    {
        var seek = Math.Max(0, chunk.Start - chunk.Overlap);
        var take = chunk.Length + 2 * chunk.Overlap;
        ProcessResult result;
        try
        {
            result = await ffmpeg.TranscodeAsync(["-ss", Seconds(seek), "-t", Seconds(take)], input,
                ["-vn", "-ac", "1", "-ar", "16000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "-y", file],
                TimeSpan.FromSeconds(Math.Max(120, chunk.Length)), cancellationToken, file);
        }
        catch (TimeoutException)
        {
            throw new UpstreamException(ErrorCode.TranscriptionFailed,
                $"Extracting the audio of part {chunk.Index + 1} of {chunk.Total} ({chunk.Range}) of the media file timed out.", transient: true);
        }
        if (result.ExitCode != 0)
        {
            logger.LogWarning("ffmpeg could not extract audio for part {Part} of {Parts} (exit {ExitCode})", chunk.Index + 1, chunk.Total, result.ExitCode);
            throw new UpstreamException(ErrorCode.TranscriptionFailed,
                $"The audio of part {chunk.Index + 1} of {chunk.Total} ({chunk.Range}) of the media file could not be extracted.", transient: true);
        }
        if (!File.Exists(file)) await File.WriteAllBytesAsync(file, [], cancellationToken);
    }

    /// <summary>Segments moved to media time, keeping those that start inside this chunk's own range.</summary>
    internal static IReadOnlyList<TranscriptLine> ToLines(AudioTranscription transcription, Chunk chunk)
    {
        var offset = Math.Max(0, chunk.Start - chunk.Overlap);
        var from = chunk.Index == 0 ? double.NegativeInfinity : chunk.Start;
        var to = chunk.IsLast ? double.PositiveInfinity : chunk.Start + chunk.Length;
        var segments = transcription.Segments ?? [];
        if (segments.Count == 0)
        {
            // Some compatible servers answer verbose_json without segments: the chunk's text, over the chunk's range.
            var text = transcription.Text?.Trim();
            return string.IsNullOrEmpty(text) ? [] : [new TranscriptLine(Ms(chunk.Start), Ms(chunk.Start + chunk.Length), text)];
        }

        var lines = new List<TranscriptLine>();
        foreach (var segment in segments)
        {
            var start = offset + segment.StartTime.TotalSeconds;
            if (start < from || start >= to) continue;
            var text = segment.Text?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            var end = Math.Max(start, offset + segment.EndTime.TotalSeconds);
            lines.Add(new TranscriptLine(Ms(start), Ms(end), text));
        }
        return lines;
    }

    private static string? NormalizeLanguage(string? reported) =>
        string.IsNullOrWhiteSpace(reported) ? null : LanguageCodes.TryGetValue(reported.Trim(), out var code) ? code : reported.Trim().ToLowerInvariant();

    private static long Ms(double seconds) => (long)Math.Round(seconds * 1000);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    internal sealed record Chunk(int Index, int Total, double Start, double Length, bool IsLast, double Overlap)
    {
        public string Range => $"{FormatTime(Start)}–{FormatTime(Start + Length)}";

        private static string FormatTime(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
    }
}

/// <summary>AI:TranscriptionProvider = none: videos need subtitles (uploaded or embedded).</summary>
internal sealed class NoTranscriber : ITranscriber
{
    public bool IsAvailable(string? apiKey) => false;

    public Task<TranscriptionResult> TranscribeAsync(string input, double durationSeconds, string? language, string? apiKey,
        IProgress<double> progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Speech recognition is not configured (AI:TranscriptionProvider is none).");
}
