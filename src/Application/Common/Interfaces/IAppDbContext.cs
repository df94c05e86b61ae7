using AskVideo.Domain.Chat;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Imports;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Transcripts;
using AskVideo.Domain.Users;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AskVideo.Application.Common.Interfaces;

/// <summary>The unit of work for writes. SaveChangesAsync commits every change, including enqueued jobs, atomically.</summary>
public interface IAppDbContext
{
    DbSet<User> Users { get; }
    DbSet<SessionFamily> SessionFamilies { get; }
    DbSet<RefreshToken> RefreshTokens { get; }
    DbSet<OneTimeToken> OneTimeTokens { get; }
    DbSet<ApiToken> ApiTokens { get; }
    DbSet<Video> Videos { get; }
    DbSet<Tag> Tags { get; }
    DbSet<VideoTag> VideoTags { get; }
    DbSet<VideoGroup> Groups { get; }
    DbSet<VideoGroupMember> GroupMembers { get; }
    DbSet<Job> Jobs { get; }

    /// <summary>Read only here: scenes and segments are written with their vectors through <see cref="ISceneIndex"/>.</summary>
    DbSet<Scene> Scenes { get; }

    DbSet<TranscriptSegment> TranscriptSegments { get; }

    DbSet<ChatLog> ChatLogs { get; }

    /// <summary>Rows of other installations already imported (import-videoq).</summary>
    DbSet<ImportedRecord> ImportedRecords { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Stops tracking every entity read or saved so far (long batch runs keep the change tracker small).</summary>
    void ClearTracking();

    /// <summary>Discards tracked changes of the entity and reads it again (after a concurrency conflict).</summary>
    Task ReloadAsync(object entity, CancellationToken cancellationToken);

    /// <summary>Takes a row lock on the user until the current transaction ends, serializing that user's limited writes.</summary>
    Task LockUserAsync(Guid userId, CancellationToken cancellationToken);
}
