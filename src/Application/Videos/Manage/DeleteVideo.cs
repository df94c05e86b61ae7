using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;

namespace AskVideo.Application.Videos.Manage;

public sealed record DeleteVideoCommand(Guid Id) : ICommand<Unit>;

/// <summary>
/// Removes the row together with a durable <see cref="DeleteVideoFilesJob"/>, in one transaction. The database
/// cascades to the video's transcript segments, scenes (with their vectors), tag links and group memberships; chat
/// history about the video stays, no longer pointing at it. The files are the job's alone: it retries until the
/// storage is clean, so a storage hiccup never turns a committed delete into an error, and no file is orphaned.
/// </summary>
internal sealed class DeleteVideoHandler(IAppDbContext db, ICurrentUser caller, IJobQueue jobs) : IRequestHandler<DeleteVideoCommand, Unit>
{
    public async Task<Unit> Handle(DeleteVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        jobs.Enqueue(new DeleteVideoFilesJob(userId, video.Id));
        await db.SaveOwnerChangeAsync(video, v => db.Videos.Remove(v), cancellationToken);
        return Unit.Value;
    }
}
