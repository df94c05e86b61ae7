using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Queries;

public sealed record GetVideoQuery(Guid Id) : IQuery<VideoDto>;

internal sealed class GetVideoHandler(IAppDbContext db, ICurrentUser caller, IMediaLinks links) : IRequestHandler<GetVideoQuery, VideoDto>
{
    public async Task<VideoDto> Handle(GetVideoQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.Id && v.OwnerId == userId, cancellationToken)
            ?? throw new NotFoundException("video");
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}
