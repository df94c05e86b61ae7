using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Accounts.Me;

/// <summary>
/// Removes every file of the user, then the user row (the database cascades to videos, scenes, vectors, groups, chat
/// logs, tokens and sessions). Files go first: if the job dies in between, the retry finds the row and tries again,
/// so nothing is ever orphaned on disk.
/// </summary>
[JobName("DeleteAccount")]
public sealed record DeleteAccountJob(Guid UserId) : IBackgroundJob;

internal sealed class DeleteAccountJobHandler(IAppDbContext db, IVideoStorage storage, ILogger<DeleteAccountJobHandler> logger)
    : IRequestHandler<DeleteAccountJob, Unit>
{
    public async Task<Unit> Handle(DeleteAccountJob request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null) return Unit.Value;
        if (!user.IsDeleted)
        {
            logger.LogWarning("Account {UserId} is not marked for deletion; skipping", request.UserId);
            return Unit.Value;
        }
        await storage.DeletePrefixAsync(StorageKeys.UserPrefix(user.Id), cancellationToken);
        await db.Users.Where(u => u.Id == request.UserId).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Account {UserId} and all its data were deleted", request.UserId);
        return Unit.Value;
    }
}
