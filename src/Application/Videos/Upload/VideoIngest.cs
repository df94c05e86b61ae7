using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Users;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Upload;

/// <summary>A stored, probed file about to become a video.</summary>
public sealed record NewVideo(
    Guid OwnerId, Guid VideoId, UploadFields Fields, string FileName, string VideoKey, string? SubtitlesKey, long SizeBytes, MediaProbeResult Facts);

/// <summary>The one way a new video enters the library (uploads and the built-in sample alike).</summary>
public sealed class VideoIngest(IAppDbContext db, IJobQueue jobs, IVideoEvents events, IVideoStorage storage, IMediaProbe probe, TimeProvider time)
{
    /// <summary>Checks the video limit before any byte is read; returns the user.</summary>
    public async Task<User> EnsureCanAddAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var count = await db.Videos.CountAsync(v => v.OwnerId == userId, cancellationToken);
        if (!user.CanAddVideo(count)) throw LimitReached(user.VideoLimit);
        return user;
    }

    /// <summary>
    /// When the files of an upload that never committed are removed (<see cref="RemoveAbandonedUploadJob"/>): after the
    /// longest an upload may take, a day for an announced one (<see cref="CreateUploadCommand.Lifetime"/>), plus an hour.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = CreateUploadCommand.Lifetime + TimeSpan.FromHours(1);

    /// <summary>
    /// Runs <paramref name="store"/> (which writes the video's files under its storage prefix and returns what it
    /// stored), then commits the video with its processing job. Whatever fails before the commit removes every file
    /// written for the video; nothing after the commit does (the client going away while the answer is written must
    /// not take the files of a saved video with it). A process that dies before the commit cannot clean up: the job
    /// scheduled first does it later, unless the commit deleted it.
    /// </summary>
    public async Task<Video> AddAsync(Guid userId, Guid videoId, Func<CancellationToken, Task<NewVideo>> store, CancellationToken cancellationToken)
    {
        var cleanup = jobs.Schedule(new RemoveAbandonedUploadJob(userId, videoId), AbandonedAfter);
        await db.SaveChangesAsync(cancellationToken);
        Video video;
        try
        {
            video = await CommitAsync(await store(cancellationToken), cleanup, cancellationToken);
        }
        catch
        {
            await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(userId, videoId), CancellationToken.None);
            await ForgetCleanupAsync(cleanup);
            throw;
        }
        await events.PublishAsync(video, cancellationToken);
        return video;
    }

    /// <summary>Cleaned up already: the scheduled job has nothing left to do. If it cannot be deleted, it runs and finds nothing.</summary>
    private async Task ForgetCleanupAsync(Guid cleanup)
    {
        try
        {
            await db.Jobs.Where(j => j.Id == cleanup).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The upload's own failure is what the caller must see.
        }
    }

    /// <summary>Asks ffprobe whether the stored file really is audio or video, and what it holds.</summary>
    public async Task<MediaProbeResult> ProbeAsync(string videoKey, CancellationToken cancellationToken) =>
        await probe.ProbeAsync(await storage.GetProbeInputAsync(videoKey, cancellationToken), cancellationToken);

    /// <summary>
    /// Writes the video, its tags, its group membership and its processing job in one transaction, which also deletes
    /// the clean-up job scheduled for the upload (<paramref name="cleanup"/>).
    /// </summary>
    private async Task<Video> CommitAsync(NewVideo input, Guid cleanup, CancellationToken cancellationToken)
    {
        var (userId, fields, facts) = (input.OwnerId, input.Fields, input.Facts);
        var now = time.GetUtcNow();
        VideoGroup? group = null;
        if (fields.GroupId is not null)
        {
            var groupId = Guid.Parse(fields.GroupId);
            group = await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId && g.OwnerId == userId, cancellationToken)
                ?? throw new NotFoundException("group");
        }

        var title = string.IsNullOrWhiteSpace(fields.Title) ? Path.GetFileNameWithoutExtension(input.FileName) : fields.Title;
        if (string.IsNullOrWhiteSpace(title)) title = "Untitled video";
        var extension = Path.GetExtension(input.VideoKey);
        var video = Video.Create(input.VideoId, userId, title, fields.Description, input.FileName,
            MediaTypes.ContentTypeFor(extension, facts.FirstVideo is not null), input.SizeBytes, input.VideoKey, fields.Language, now);
        video.SetMediaFacts(facts.DurationSeconds, facts.FirstVideo?.Width, facts.FirstVideo?.Height, now);
        if (input.SubtitlesKey is not null) video.AttachSubtitles(input.SubtitlesKey, now);
        var tags = await db.ResolveTagsAsync(userId, fields.Tags, now, cancellationToken);
        video.ReplaceTags(tags.Select(t => t.Id));
        video.Enqueue(now);
        db.Videos.Add(video);
        group?.AddVideo(video.Id, now);
        jobs.Enqueue(new ProcessVideoJob(video.Id));

        // Serialize this user's additions so two at once cannot both squeeze under the video limit.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockUserAsync(userId, cancellationToken);
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var count = await db.Videos.CountAsync(v => v.OwnerId == userId, cancellationToken);
        if (!owner.CanAddVideo(count)) throw LimitReached(owner.VideoLimit);
        await db.Jobs.Where(j => j.Id == cleanup).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Not cancellable: a commit interrupted half-way would leave it unknown whether the files are still needed.
        await transaction.CommitAsync(CancellationToken.None);
        return video;
    }

    private static ForbiddenException LimitReached(int? limit) =>
        new(ErrorCode.VideoLimitReached, $"You have reached your limit of {limit} videos. Delete some videos or ask an administrator to raise the limit.");
}
