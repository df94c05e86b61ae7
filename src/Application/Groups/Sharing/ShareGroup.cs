using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Application.Groups.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>Creates the group's share link, or rotates it: the previous link stops working at once.</summary>
public sealed record ShareGroupCommand(Guid GroupId) : ICommand<GroupShareDto>;

internal sealed class ShareGroupHandler(IAppDbContext db, ICurrentUser caller, ISecretProtector secrets, IOptions<AppOptions> app, TimeProvider time)
    : IRequestHandler<ShareGroupCommand, GroupShareDto>
{
    public async Task<GroupShareDto> Handle(ShareGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        var token = SecretTokens.Create(); // 256 bits
        var now = time.GetUtcNow();
        group.Share(SecretTokens.Hash(token), secrets.Protect(token, SecretContext.GroupShareToken(group.Id)), now);
        await db.SaveChangesAsync(cancellationToken);
        return new GroupShareDto(token, GroupAccess.ShareUrl(app.Value, token), now);
    }
}
