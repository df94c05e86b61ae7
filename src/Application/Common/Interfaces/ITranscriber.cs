using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Common.Interfaces;

public sealed record TranscriptionResult(IReadOnlyList<TranscriptLine> Lines, string? Language);

/// <summary>Speech recognition (AI:TranscriptionProvider): OpenAI Whisper or any compatible /v1/audio/transcriptions server.</summary>
public interface ITranscriber
{
    /// <summary>Whether speech recognition can run with this key (the user's own, else the server's).</summary>
    bool IsAvailable(string? apiKey);

    /// <summary>
    /// Transcribes the audio of <paramref name="input"/> (a path or URL ffmpeg can read). Long audio is cut into
    /// chunks under the provider's size limit; a chunk that fails fails the whole call (no gaps). Reports progress
    /// in [0, 1]. Provider errors are <see cref="Exceptions.UpstreamException"/>: transient ones (5xx, 429, network)
    /// are retryable, an invalid key (code invalid_openai_key) is not.
    /// </summary>
    Task<TranscriptionResult> TranscribeAsync(string input, double durationSeconds, string? language, string? apiKey,
        IProgress<double> progress, CancellationToken cancellationToken);
}
