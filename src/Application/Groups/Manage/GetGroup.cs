using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;

namespace AskVideo.Application.Groups.Manage;

public sealed record GetGroupQuery(Guid Id) : IQuery<GroupDto>;

internal sealed class GetGroupHandler(IAppDbContext db, ICurrentUser caller, GroupViews views)
    : IRequestHandler<GetGroupQuery, GroupDto>
{
    public async Task<GroupDto> Handle(GetGroupQuery request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.Id, caller.RequireUserId(), cancellationToken);
        return await views.ToDtoAsync(group, cancellationToken);
    }
}
