namespace AskVideo.Application.Common.Interfaces;

/// <summary>An announced upload waiting for its bytes: who sends them, how many, and what the video will be.</summary>
public sealed record PendingUpload(
    Guid Id,
    Guid OwnerId,
    string FileName,
    long SizeBytes,
    UploadFields Fields,
    string? SubtitlesFileName,
    string? Subtitles,
    DateTimeOffset ExpiresAt);

/// <summary>Announced uploads, kept until they expire; each can be completed once.</summary>
public interface IPendingUploads
{
    /// <summary>How many announced uploads one user may have waiting; announcing one more drops their oldest.</summary>
    const int MaxPerOwner = 10;

    Task SaveAsync(PendingUpload upload, CancellationToken cancellationToken);

    /// <summary>The upload, or null when it is unknown, expired or already taken.</summary>
    Task<PendingUpload?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Removes the upload and returns it, atomically: of two callers, one gets it and the other null.</summary>
    Task<PendingUpload?> TakeAsync(Guid id, CancellationToken cancellationToken);
}
