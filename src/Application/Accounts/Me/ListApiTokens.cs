using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

public sealed record ApiTokenDto(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt);

public sealed record ListApiTokensQuery : IQuery<IReadOnlyList<ApiTokenDto>>, ISessionOnly;

internal sealed class ListApiTokensHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ListApiTokensQuery, IReadOnlyList<ApiTokenDto>>
{
    public async Task<IReadOnlyList<ApiTokenDto>> Handle(ListApiTokensQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Scopes, t.DisplayPrefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
