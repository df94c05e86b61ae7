using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;

namespace AskVideo.Application.Tags;

/// <summary>Deletes a tag; the videos that carried it keep existing, without it.</summary>
public sealed record DeleteTagCommand(Guid Id) : ICommand<Unit>;

internal sealed class DeleteTagHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeleteTagCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTagCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var tag = await db.FindOwnedTagAsync(request.Id, userId, cancellationToken);
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
