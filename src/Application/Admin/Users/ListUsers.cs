using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin.Users;

/// <summary>Users with their limits and usage, newest first; q filters by email or username.</summary>
public sealed record ListUsersQuery(string? Q, int Page, int PageSize) : IQuery<Paged<AdminUserDto>>, IRequireAdmin;

internal sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Q).MaximumLength(200);
    }
}

internal sealed class ListUsersHandler(IAppDbContext db) : IRequestHandler<ListUsersQuery, Paged<AdminUserDto>>
{
    public async Task<Paged<AdminUserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim().ToLowerInvariant();
            users = users.Where(u => u.NormalizedEmail.Contains(q) || u.NormalizedUsername.Contains(q));
        }
        var total = await users.LongCountAsync(cancellationToken);
        var items = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(Paging.Skip(request.Page, request.PageSize)).Take(request.PageSize)
            .ToAdminDtos(db)
            .ToListAsync(cancellationToken);
        return new Paged<AdminUserDto>(items, request.Page, request.PageSize, total);
    }
}
