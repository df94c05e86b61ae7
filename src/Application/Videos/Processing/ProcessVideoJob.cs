using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Transcripts;
using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;
using AskVideo.Domain.Videos;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Videos.Processing;

/// <summary>
/// Runs the processing pipeline of one video (SPEC §4.2): probe → transcript source → scene split → thumbnail →
/// index. Enqueued in the same transaction as the upload, reprocess or transcript edit that needs it.
/// </summary>
[JobName("ProcessVideo")]
public sealed record ProcessVideoJob(Guid VideoId) : IBackgroundJob;

/// <summary>
/// Idempotent: every run recomputes everything from the stored file and replaces the video's segments and scenes in
/// the same transaction that marks it ready, so a crash at any point leaves either the old state or the new one and
/// a re-run never duplicates scenes. Failures that retrying cannot fix mark the video failed with an error code at
/// once; transient ones are retried by the queue, and the video is marked failed only on the last attempt.
/// </summary>
internal sealed class ProcessVideoHandler(
    IAppDbContext db,
    IVideoStorage storage,
    IMediaProbe probe,
    IMediaTools tools,
    ITranscriber transcriber,
    IEmbedder embedder,
    ISceneIndex sceneIndex,
    ISecretProtector secrets,
    IVideoEvents events,
    IJobContext job,
    IPipelineSteps steps,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<ProcessVideoHandler> logger) : IRequestHandler<ProcessVideoJob, Unit>
{
    public async Task<Unit> Handle(ProcessVideoJob request, CancellationToken cancellationToken)
    {
        var video = await db.Videos.SingleOrDefaultAsync(v => v.Id == request.VideoId, cancellationToken);
        if (video is null || video.Status is not (VideoStatus.Queued or VideoStatus.Processing))
        {
            // Deleted, or already finished by an earlier run of a duplicate job: nothing to do.
            logger.LogInformation("Video {VideoId} needs no processing (status {Status})", request.VideoId, video?.Status.ToString() ?? "deleted");
            return Unit.Value;
        }

        try
        {
            await RunAsync(video, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex) is { } failure && (failure.Permanent || job.IsLastAttempt))
        {
            logger.LogWarning(ex, "Processing video {VideoId} failed: {ErrorCode}", video.Id, failure.Code);
            await SaveVideoAsync(video, v => v.MarkFailed(failure.Code, failure.Message, time.GetUtcNow()), CancellationToken.None);
            throw;
        }
        return Unit.Value;
    }

    private async Task RunAsync(Video video, CancellationToken cancellationToken)
    {
        var apiKey = await UserApiKeyAsync(video.OwnerId, cancellationToken);
        await SaveVideoAsync(video, v => v.StartStage(ProcessingStage.Transcribing, 1, time.GetUtcNow()), cancellationToken);

        // Each step is timed (askvideo.pipeline.step.duration) and traced under the job's span.
        var (input, facts) = await steps.RunAsync("probe", async () =>
        {
            var input = await storage.GetProbeInputAsync(video.StorageKey, cancellationToken);
            return (input, await probe.ProbeAsync(input, cancellationToken));
        });
        video.SetMediaFacts(facts.DurationSeconds, facts.FirstVideo?.Width, facts.FirstVideo?.Height, time.GetUtcNow());
        await SaveVideoAsync(video, v => v.ReportProgress(5, time.GetUtcNow()), cancellationToken);

        var transcript = await steps.RunAsync("transcript", () => ResolveTranscriptAsync(video, input, facts, apiKey, cancellationToken));

        var budget = options.Value.SceneTokenBudget;
        await SaveVideoAsync(video, v => v.StartStage(ProcessingStage.Splitting, 40, time.GetUtcNow()), cancellationToken);
        var spans = await steps.RunAsync("split", async () =>
        {
            var lines = SceneSplitter.PrepareLines(transcript.Lines, budget);
            var lineVectors = await embedder.EmbedAsync(lines.Select(l => l.Text).ToList(), apiKey, cancellationToken);
            return SceneSplitter.Split(lines, lineVectors, budget);
        });

        await SaveVideoAsync(video, v => v.StartStage(ProcessingStage.Indexing, 70, time.GetUtcNow()), cancellationToken);
        var sceneVectors = await steps.RunAsync("embed", () => embedder.EmbedAsync(spans.Select(s => s.Text).ToList(), apiKey, cancellationToken));
        var scenes = spans.Select((s, i) => new IndexedScene(i, s.StartMs, s.EndMs, s.Text, s.TokenCount, sceneVectors[i])).ToList();
        await SaveVideoAsync(video, v => v.ReportProgress(90, time.GetUtcNow()), cancellationToken);
        var thumbnailKey = await steps.RunAsync("thumbnail", () => MakeThumbnailAsync(video, input, facts, cancellationToken));

        // The scenes and the ready state commit together: readers see the old scenes or the new ones, never a mix.
        await steps.RunAsync("save", () => SaveVideoAsync(video, async v =>
        {
            var now = time.GetUtcNow();
            await sceneIndex.ReplaceAsync(v.Id, v.OwnerId, transcript.Language ?? v.Language, transcript.Lines, scenes, embedder.ModelId, cancellationToken);
            v.UseTranscriptSource(transcript.Source, now);
            v.DetectLanguage(transcript.Language, now);
            if (thumbnailKey is not null) v.SetThumbnail(thumbnailKey, now);
            v.MarkReady(now);
        }, cancellationToken));
        logger.LogInformation("Video {VideoId} is ready: {Lines} transcript lines from {Source}, {Scenes} scenes",
            video.Id, transcript.Lines.Count, transcript.Source, scenes.Count);
    }

    private sealed record Transcript(IReadOnlyList<TranscriptLine> Lines, TranscriptSource Source, string? Language);

    /// <summary>The first source that applies: uploaded (or edited) subtitles, an embedded subtitle stream, speech recognition.</summary>
    private async Task<Transcript> ResolveTranscriptAsync(Video video, string input, MediaProbeResult facts, string? apiKey, CancellationToken cancellationToken)
    {
        if (video.SubtitlesKey is not null)
        {
            string text;
            await using (var stream = await storage.OpenReadAsync(video.SubtitlesKey, cancellationToken))
            using (var reader = new StreamReader(stream))
                text = await reader.ReadToEndAsync(cancellationToken);
            return new Transcript(ParseSubtitles(text, "The subtitle file"), TranscriptSource.Subtitles, video.Language);
        }

        foreach (var stream in facts.SubtitleStreams.OrderByDescending(s => video.Language is not null && s.Language?.StartsWith(video.Language, StringComparison.OrdinalIgnoreCase) == true))
        {
            var vtt = await tools.ExtractSubtitlesAsync(input, stream.Index, cancellationToken);
            try
            {
                return new Transcript(Subtitles.ParseVtt(vtt), TranscriptSource.Embedded, video.Language ?? NormalizeLanguage(stream.Language));
            }
            catch (SubtitleFormatException ex)
            {
                // A text-less or bitmap track: try the next one, then the other sources.
                logger.LogInformation("Embedded subtitle stream {Stream} of video {VideoId} is unusable: {Reason}", stream.Index, video.Id, ex.Message);
            }
        }

        if (transcriber.IsAvailable(apiKey))
        {
            // Progress arrives on thread-pool threads while the handler awaits: saves are serialized (skipped while one
            // is in flight), never throw, and the handler waits for the last one before it uses the unit of work again.
            var gate = new SemaphoreSlim(1, 1);
            var reported = 5;
            var progress = new Progress<double>(fraction =>
            {
                var percent = 5 + (int)(Math.Clamp(fraction, 0, 1) * 33);
                if (percent < reported + 3 || !gate.Wait(0)) return;
                reported = percent;
                _ = SaveProgressAsync(video, percent).ContinueWith(_ => gate.Release(), TaskScheduler.Default);
            });
            TranscriptionResult result;
            try
            {
                result = await transcriber.TranscribeAsync(input, facts.DurationSeconds ?? video.DurationSeconds ?? 0, video.Language, apiKey, progress, cancellationToken);
            }
            finally
            {
                await gate.WaitAsync(CancellationToken.None);
                reported = 1000; // late callbacks are ignored from here on
                gate.Release();
            }
            var lines = TranscriptLine.Normalize(result.Lines);
            return new Transcript(lines, TranscriptSource.Asr, video.Language ?? result.Language);
        }

        throw new UnprocessableException(ErrorCode.NoTranscriptSource,
            "This video has no subtitles and speech recognition is not configured. Upload subtitles (.srt or .vtt) in the transcript editor, " +
            "add your OpenAI key in Settings, or ask the administrator to configure speech recognition (AI:TranscriptionProvider).");
    }

    private static IReadOnlyList<TranscriptLine> ParseSubtitles(string text, string what)
    {
        try
        {
            return Subtitles.Parse(text);
        }
        catch (SubtitleFormatException ex)
        {
            throw new UnprocessableException(ErrorCode.InvalidSubtitles, $"{what} could not be read. {ex.Message}");
        }
    }

    private async Task<string?> MakeThumbnailAsync(Video video, string input, MediaProbeResult facts, CancellationToken cancellationToken)
    {
        if (facts.FirstVideo is null) return null;
        var at = (facts.DurationSeconds ?? 0) * options.Value.ThumbnailAt;
        var jpeg = await tools.ExtractThumbnailAsync(input, at, cancellationToken)
            ?? await tools.ExtractThumbnailAsync(input, 0, cancellationToken);
        if (jpeg is null) return null;
        var key = StorageKeys.Thumbnail(video.OwnerId, video.Id);
        using var content = new MemoryStream(jpeg, writable: false);
        await storage.SaveAsync(key, content, "image/jpeg", null, cancellationToken);
        return key;
    }

    private async Task<string?> UserApiKeyAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var ciphertext = await db.Users.Where(u => u.Id == ownerId).Select(u => u.OpenAiKeyCiphertext).SingleOrDefaultAsync(cancellationToken);
        return ciphertext is null ? null : secrets.Unprotect(ciphertext, SecretContext.UserAiKey(ownerId));
    }

    private async Task SaveProgressAsync(Video video, int percent)
    {
        try
        {
            await SaveVideoAsync(video, v => v.ReportProgress(percent, time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Progress of video {VideoId} not saved", video.Id);
        }
    }

    private Task SaveVideoAsync(Video video, Action<Video> change, CancellationToken cancellationToken) =>
        SaveVideoAsync(video, v =>
        {
            change(v);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> and commits it in one transaction, then publishes the new status. If the owner
    /// edited the video meanwhile (its row version moved), the row is reloaded and the change applied again, once.
    /// </summary>
    private async Task SaveVideoAsync(Video video, Func<Video, Task> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            try
            {
                await change(video);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                await db.ReloadAsync(video, cancellationToken);
                if (video.Status is not (VideoStatus.Queued or VideoStatus.Processing))
                    throw new ConflictException(ErrorCode.AlreadyProcessing, "The video changed state while it was being processed.");
            }
        }
        await events.PublishAsync(video, cancellationToken);
    }

    private static string? NormalizeLanguage(string? language) => language switch
    {
        null or "und" => null,
        "eng" => "en",
        "jpn" => "ja",
        _ => language,
    };

    private sealed record Failure(ErrorCode Code, string Message, bool Permanent);

    private static Failure? Classify(Exception exception) => exception switch
    {
        UnprocessableException e => new Failure(e.Code, e.Message, true),
        UpstreamException e => new Failure(e.Code, e.Message, !e.Transient),
        DomainException e when e.Code == ErrorCode.EmptyTranscript => new Failure(ErrorCode.NoTranscriptSource, e.Message + " Upload subtitles with speech in the transcript editor.", true),
        NotFoundException or ConflictException => null,
        _ => new Failure(ErrorCode.ProcessingFailed, "Processing failed after several attempts. Try Reprocess; if it keeps failing, contact the administrator.", false),
    };
}
