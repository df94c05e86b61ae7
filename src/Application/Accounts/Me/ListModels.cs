using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Me;

public sealed record ListModelsQuery : IQuery<ModelsDto>;

/// <summary>source is "user" when the user's own key was used, "server" for the server's key, "none" without one.</summary>
public sealed record ModelsDto(string Provider, string Source, string DefaultModel, double DefaultTemperature, IReadOnlyList<string> Models);

internal sealed class ListModelsHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IChatModelCatalog catalog,
    ISecretProtector protector,
    RateLimitGuard limits,
    IOptions<RateLimitOptions> rateLimits,
    IOptions<AiOptions> ai) : IRequestHandler<ListModelsQuery, ModelsDto>
{
    public async Task<ModelsDto> Handle(ListModelsQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        // Each call asks the AI provider: limited per user.
        await limits.EnforceAsync("models", AccountThrottle.KeyFor(userId), rateLimits.Value.ModelsPerUser, cancellationToken,
            "Too many model list requests. Wait a minute and try again.");
        var ciphertext = await db.Users.Where(u => u.Id == userId).Select(u => u.OpenAiKeyCiphertext).SingleOrDefaultAsync(cancellationToken);
        var userKey = ciphertext is null ? null : protector.Unprotect(ciphertext, SecretContext.UserAiKey(userId));
        var options = ai.Value;
        var source = userKey is not null ? "user" : string.IsNullOrEmpty(options.OpenAI.ApiKey) ? "none" : "server";
        var models = await catalog.ListChatModelsAsync(userKey, cancellationToken);
        return new ModelsDto(options.ChatProvider, source, options.OpenAI.ChatModel, options.OpenAI.ChatTemperature, models);
    }
}
