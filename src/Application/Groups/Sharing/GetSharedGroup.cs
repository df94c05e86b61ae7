using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>The public view of a shared group: name, description and member videos in order, no owner data.</summary>
public sealed record GetSharedGroupQuery(string ShareToken) : IQuery<SharedGroupDto>, IAllowAnonymous;

internal sealed class GetSharedGroupHandler(IAppDbContext db, GuestThrottle throttle, GroupViews views) : IRequestHandler<GetSharedGroupQuery, SharedGroupDto>
{
    public async Task<SharedGroupDto> Handle(GetSharedGroupQuery request, CancellationToken cancellationToken)
    {
        await throttle.EnforceAsync(request.ShareToken, cancellationToken);
        var group = await db.FindSharedGroupAsync(request.ShareToken, cancellationToken);
        var videos = await views.MemberVideosAsync(group, request.ShareToken, cancellationToken);
        return new SharedGroupDto(group.Name, group.Description, videos);
    }
}
