using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Events;

/// <summary>The status and progress of one of the caller's videos: its current state, then every change.</summary>
public sealed record StreamVideoEventsQuery(Guid Id) : IQuery<VideoEventStream>;

internal sealed class StreamVideoEventsHandler(IAppDbContext db, ICurrentUser caller, IVideoEvents events) : IRequestHandler<StreamVideoEventsQuery, VideoEventStream>
{
    public async Task<VideoEventStream> Handle(StreamVideoEventsQuery request, CancellationToken cancellationToken)
    {
        // Authorize before subscribing; read the state after subscribing, so no change falls in between.
        var userId = caller.RequireUserId();
        if (!await db.Videos.AnyAsync(v => v.Id == request.Id && v.OwnerId == userId, cancellationToken)) throw new NotFoundException("video");
        var changes = await events.SubscribeAsync(request.Id, cancellationToken);
        try
        {
            var current = await db.ReadOwnedAsync(request.Id, userId, cancellationToken);
            return new VideoEventStream(VideoStatusEvent.Of(current), changes);
        }
        catch
        {
            await VideoEventStream.ReleaseAsync(changes);
            throw;
        }
    }
}
