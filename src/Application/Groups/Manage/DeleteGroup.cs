using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;

namespace AskVideo.Application.Groups.Manage;

/// <summary>Deletes the group with its memberships and share link (and, by cascade, its chat history); the videos stay.</summary>
public sealed record DeleteGroupCommand(Guid Id) : ICommand<Unit>;

internal sealed class DeleteGroupHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeleteGroupCommand, Unit>
{
    public async Task<Unit> Handle(DeleteGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.Id, caller.RequireUserId(), cancellationToken);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
