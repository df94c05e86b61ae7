using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Admin.Users;

/// <summary>Creates a verified administrator, or promotes an existing account (CLI: create-admin).</summary>
public sealed record CreateAdminCommand(string Email, string Username, string Password) : ICommand<Guid>, ISystemRequest;

internal sealed class CreateAdminValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Username).ValidUsername();
        RuleFor(c => c.Password).ValidPassword(c => c.Username, c => c.Email);
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
                throw ValidationFailedException.For("username", FieldErrorCode.UsernameTaken, "This username is taken by another account.");
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
