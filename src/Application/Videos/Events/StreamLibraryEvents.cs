using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;

namespace AskVideo.Application.Videos.Events;

/// <summary>
/// Every status change of the caller's videos over one subscription. There is no first state: once subscribed, the
/// client refetches its list to catch up.
/// </summary>
public sealed record StreamLibraryEventsQuery : IQuery<VideoEventStream>;

internal sealed class StreamLibraryEventsHandler(ICurrentUser caller, IVideoEvents events) : IRequestHandler<StreamLibraryEventsQuery, VideoEventStream>
{
    public async Task<VideoEventStream> Handle(StreamLibraryEventsQuery request, CancellationToken cancellationToken) =>
        new(null, await events.SubscribeToOwnerAsync(caller.RequireUserId(), cancellationToken));
}
