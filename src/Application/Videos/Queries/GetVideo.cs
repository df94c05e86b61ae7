using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;

namespace AskVideo.Application.Videos.Queries;

public sealed record GetVideoQuery(Guid Id) : IQuery<VideoDto>;

internal sealed class GetVideoHandler(IAppDbContext db, ICurrentUser caller, IMediaLinks links) : IRequestHandler<GetVideoQuery, VideoDto>
{
    public async Task<VideoDto> Handle(GetVideoQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.ReadOwnedAsync(request.Id, userId, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}
