using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Security;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

/// <summary>The only response that ever contains the token secret.</summary>
public sealed record CreatedApiTokenDto(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Token);

public sealed record CreateApiTokenCommand(string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt) : ICommand<CreatedApiTokenDto>, ISessionOnly;

internal sealed class CreateApiTokenValidator : AbstractValidator<CreateApiTokenCommand>
{
    public CreateApiTokenValidator(TimeProvider time)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the token so you can recognise it later.")
            .MaximumLength(ApiToken.MaxNameLength);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choose at least one scope: read or write.")
            .Must(s => s is null || s.All(ApiScopes.IsValid)).WithMessage("Scopes must be \"read\" and/or \"write\".")
            .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "read, write"));
        RuleFor(c => c.ExpiresAt).Must(e => e is null || e > time.GetUtcNow()).WithMessage("The expiry must be in the future.").WithFieldCode(FieldErrorCode.MustBeFuture);
    }
}

/// <summary>Write implies read: a token with "write" can also read. Tokens are capped per user.</summary>
internal sealed class CreateApiTokenHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time)
    : IRequestHandler<CreateApiTokenCommand, CreatedApiTokenDto>
{
    private const int MaxTokensPerUser = 50;

    public async Task<CreatedApiTokenDto> Handle(CreateApiTokenCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId, cancellationToken) >= MaxTokensPerUser)
            throw new ConflictException(ErrorCode.TooManyTokens, $"You already have {MaxTokensPerUser} API tokens; delete some first.");

        var scopes = request.Scopes.Contains(ApiScopes.Write) ? new[] { ApiScopes.Read, ApiScopes.Write } : [ApiScopes.Read];
        var secret = ApiToken.SecretPrefix + SecretTokens.Create();
        var token = ApiToken.Create(userId, request.Name, scopes, SecretTokens.Hash(secret), secret[..10], time.GetUtcNow(), request.ExpiresAt?.ToUniversalTime());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiTokenDto(token.Id, token.Name, token.Scopes, token.DisplayPrefix, token.CreatedAt, token.ExpiresAt, secret);
    }
}
