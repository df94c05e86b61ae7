using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin.Users;

/// <summary>Only the fields that are set change. VideoLimit null = unlimited; MaxUploadBytes null = the server default.</summary>
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
        if (selfDemotion) throw new ConflictException(ErrorCode.CannotDemoteSelf, "You cannot deactivate or demote your own account; ask another administrator.");

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
