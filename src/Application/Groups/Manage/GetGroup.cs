using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Groups.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Groups.Manage;

public sealed record GetGroupQuery(Guid Id) : IQuery<GroupDto>;

internal sealed class GetGroupHandler(IAppDbContext db, ICurrentUser caller, ISecretProtector secrets, IOptions<AppOptions> app, IMediaLinks links)
    : IRequestHandler<GetGroupQuery, GroupDto>
{
    public async Task<GroupDto> Handle(GetGroupQuery request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.Id, caller.RequireUserId(), cancellationToken);
        return await db.ToDtoAsync(group, secrets, app.Value, links, cancellationToken);
    }
}
