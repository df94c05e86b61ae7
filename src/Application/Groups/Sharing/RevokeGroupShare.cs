using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>Turns the share link off; every guest URL made from it (page, media, transcript) answers 404 from now on.</summary>
public sealed record RevokeGroupShareCommand(Guid GroupId) : ICommand<Unit>;

internal sealed class RevokeGroupShareHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time) : IRequestHandler<RevokeGroupShareCommand, Unit>
{
    public async Task<Unit> Handle(RevokeGroupShareCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        group.Unshare(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
