using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;

namespace AskVideo.Application.Groups.Members;

/// <summary>Takes the video out of the group (the video itself stays). Guests lose access to it at once.</summary>
public sealed record RemoveGroupVideoCommand(Guid GroupId, Guid VideoId) : ICommand<Unit>;

internal sealed class RemoveGroupVideoHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time) : IRequestHandler<RemoveGroupVideoCommand, Unit>
{
    public async Task<Unit> Handle(RemoveGroupVideoCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        if (!group.RemoveVideo(request.VideoId, time.GetUtcNow())) throw new NotFoundException("video", "This video is not in the group.");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
