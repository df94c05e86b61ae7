using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Common;
using MediatR;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>
/// Removes the subtitles file a transcript edit replaced. Enqueued with the edit, so the file goes once the edit is
/// committed; a storage failure fails the job, which is retried. Idempotent.
/// </summary>
[JobName("DeleteReplacedSubtitles")]
public sealed record DeleteReplacedSubtitlesJob(Guid OwnerId, Guid VideoId, string Key) : IBackgroundJob;

internal sealed class DeleteReplacedSubtitlesJobHandler(IVideoStorage storage) : IRequestHandler<DeleteReplacedSubtitlesJob, Unit>
{
    public async Task<Unit> Handle(DeleteReplacedSubtitlesJob request, CancellationToken cancellationToken)
    {
        // Only ever a file of that video, whatever the payload says.
        if (request.Key.StartsWith(StorageKeys.VideoPrefix(request.OwnerId, request.VideoId), StringComparison.Ordinal) && !request.Key.Contains("..", StringComparison.Ordinal))
            await storage.DeleteAsync(request.Key, cancellationToken);
        return Unit.Value;
    }
}
