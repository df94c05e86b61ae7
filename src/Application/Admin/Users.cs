using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Admin;

public sealed record AdminUserDto(
    Guid Id,
    string Email,
    string Username,
    bool IsActive,
    bool IsAdmin,
    DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset CreatedAt,
    int? VideoLimit,
    long? MaxUploadBytes,
    int VideoCount,
    long StorageBytes,
    bool DeletionPending);

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

internal static class AdminUserProjection
{
    /// <summary>Users with their usage, computed in the same SQL query.</summary>
    public static IQueryable<AdminUserDto> ToAdminDtos(this IQueryable<User> users, IAppDbContext db) =>
        users.Select(u => new AdminUserDto(
            u.Id, u.Email, u.Username, u.IsActive, u.IsAdmin, u.EmailVerifiedAt, u.CreatedAt, u.VideoLimit, u.MaxUploadBytes,
            db.Videos.Count(v => v.OwnerId == u.Id),
            db.Videos.Where(v => v.OwnerId == u.Id).Sum(v => (long?)v.SizeBytes) ?? 0,
            u.DeletionRequestedAt != null));
}

public sealed record UpdateUserCommand(
    Guid Id,
    Optional<bool?> IsActive,
    Optional<bool?> IsAdmin,
    Optional<int?> VideoLimit,
    Optional<long?> MaxUploadBytes) : ICommand<AdminUserDto>, IRequireAdmin;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.IsActive.Value).NotNull().When(c => c.IsActive.IsSet).WithName("isActive").WithMessage("isActive must be true or false.");
        RuleFor(c => c.IsAdmin.Value).NotNull().When(c => c.IsAdmin.IsSet).WithName("isAdmin").WithMessage("isAdmin must be true or false.");
        RuleFor(c => c.VideoLimit.Value).GreaterThanOrEqualTo(0).When(c => c.VideoLimit.IsSet).WithName("videoLimit")
            .WithMessage("videoLimit must be 0 or more, or null for unlimited.");
        RuleFor(c => c.MaxUploadBytes.Value).GreaterThan(0).When(c => c.MaxUploadBytes.IsSet).WithName("maxUploadBytes")
            .WithMessage("maxUploadBytes must be positive, or null for the server default.");
    }
}

/// <summary>Deactivating a user (or removing admin rights) takes effect at once: their sessions are revoked.</summary>
internal sealed class UpdateUserHandler(IAppDbContext db, ICurrentUser caller, SessionIssuer sessions, TimeProvider time)
    : IRequestHandler<UpdateUserCommand, AdminUserDto>
{
    public async Task<AdminUserDto> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("user");
        var now = time.GetUtcNow();
        var selfDemotion = user.Id == caller.UserId && ((request.IsActive.IsSet && request.IsActive.Value == false) || (request.IsAdmin.IsSet && request.IsAdmin.Value == false));
        if (selfDemotion) throw new ConflictException("cannot_demote_self", "You cannot deactivate or demote your own account; ask another administrator.");

        var revoke = false;
        if (request.IsActive.IsSet && request.IsActive.Value is { } active)
        {
            revoke |= user.IsActive && !active;
            user.SetActive(active, now);
        }
        if (request.IsAdmin.IsSet && request.IsAdmin.Value is { } admin)
        {
            revoke |= user.IsAdmin && !admin;
            user.SetAdmin(admin, now);
        }
        if (request.VideoLimit.IsSet) user.SetVideoLimit(request.VideoLimit.Value, now);
        if (request.MaxUploadBytes.IsSet) user.SetMaxUploadBytes(request.MaxUploadBytes.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        if (revoke) await sessions.RevokeAllAsync(user.Id, keepFamilyId: null, cancellationToken);

        return await db.Users.AsNoTracking().Where(u => u.Id == user.Id).ToAdminDtos(db).SingleAsync(cancellationToken);
    }
}

/// <summary>Creates a verified administrator, or promotes an existing account (CLI: create-admin).</summary>
public sealed record CreateAdminCommand(string Email, string Username, string Password) : ICommand<Guid>, ISystemRequest;

internal sealed class CreateAdminValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Username).ValidUsername();
        RuleFor(c => c.Password).Custom((password, context) =>
        {
            foreach (var problem in PasswordPolicy.Check(password, context.InstanceToValidate.Username, context.InstanceToValidate.Email))
                context.AddFailure("password", problem);
        });
    }
}

internal sealed class CreateAdminHandler(IAppDbContext db, IPasswordHasher hasher, IOptions<AppOptions> app, TimeProvider time)
    : IRequestHandler<CreateAdminCommand, Guid>
{
    public async Task<Guid> Handle(CreateAdminCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var email = User.NormalizeEmail(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken);
        if (user is null)
        {
            var username = User.NormalizeUsername(request.Username);
            if (await db.Users.AnyAsync(u => u.NormalizedUsername == username, cancellationToken))
                throw ValidationFailedException.For("username", "This username is taken by another account.");
            user = User.Register(request.Email, request.Username, hasher.Hash(request.Password), app.Value.DefaultVideoLimit, "en", now);
            db.Users.Add(user);
        }
        else
        {
            user.ChangePasswordHash(hasher.Hash(request.Password), now);
        }
        user.MarkEmailVerified(now);
        user.SetActive(true, now);
        user.SetAdmin(true, now);
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }
}
