using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Me;

public sealed record SetOpenAiKeyCommand(string ApiKey) : ICommand<OpenAiKeyResultDto>;

/// <summary>verified is false when the endpoint could not be reached to check the key; it is stored anyway.</summary>
public sealed record OpenAiKeyResultDto(bool Configured, string Last4, bool Verified);

internal sealed class SetOpenAiKeyValidator : AbstractValidator<SetOpenAiKeyCommand>
{
    public SetOpenAiKeyValidator() =>
        RuleFor(c => c.ApiKey).NotEmpty().WithMessage("Paste your API key.")
            .Length(8, 512).WithMessage("That does not look like an API key (8 to 512 characters).")
            .Matches("^[\\x21-\\x7E]+$").WithMessage("An API key has no spaces or special characters.");
}

/// <summary>
/// The key is checked against the configured endpoint first (a per-user limit applies, as it is an outbound call). A rejected key is a 422 telling the user to fix it,
/// never a 401 (which the SPA would take as "signed out"). It is stored encrypted; only its last 4 characters are shown.
/// </summary>
internal sealed class SetOpenAiKeyHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IChatModelCatalog catalog,
    ISecretProtector protector,
    RateLimitGuard limits,
    IOptions<RateLimitOptions> rateLimits,
    TimeProvider time) : IRequestHandler<SetOpenAiKeyCommand, OpenAiKeyResultDto>
{
    public async Task<OpenAiKeyResultDto> Handle(SetOpenAiKeyCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        // Each attempt calls the AI provider: limited per user so the server is not a key-checking proxy.
        await limits.EnforceAsync("openai-key", AccountThrottle.KeyFor(userId), rateLimits.Value.OpenAiKeyPerUser, cancellationToken,
            "Too many API key checks. Wait a minute and try again.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        var key = request.ApiKey.Trim();
        var check = await catalog.CheckKeyAsync(key, cancellationToken);
        if (check == KeyCheck.Invalid)
            throw new UnprocessableException(ErrorCode.InvalidOpenAiKey, "The AI provider rejected this API key. Check it and paste it again in Settings.");

        var last4 = key[^4..];
        user.SetOpenAiKey(protector.Protect(key, SecretContext.UserAiKey(userId)), last4, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new OpenAiKeyResultDto(true, "…" + last4, check == KeyCheck.Valid);
    }
}
