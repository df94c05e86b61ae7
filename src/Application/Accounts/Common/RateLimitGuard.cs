using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>Applies a named throttling policy and turns a refusal into a 429 with Retry-After.</summary>
public sealed class RateLimitGuard(IRateLimiter limiter)
{
    public async Task EnforceAsync(string bucket, string? key, RateLimitPolicy policy, CancellationToken cancellationToken, string? message = null)
    {
        if (string.IsNullOrEmpty(key)) return;
        var decision = await limiter.HitAsync(bucket, key, policy.Limit, policy.Window, cancellationToken);
        if (!decision.Allowed)
            throw new RateLimitedException(decision.RetryAfter, message ?? "Too many attempts. Wait a moment and try again.");
    }

    public Task ResetAsync(string bucket, string key, CancellationToken cancellationToken) => limiter.ResetAsync(bucket, key, cancellationToken);

    /// <summary>Checks without counting (used before verifying a password, so only failures are counted).</summary>
    public async Task<bool> IsBlockedAsync(string bucket, string key, RateLimitPolicy policy, CancellationToken cancellationToken) =>
        (await limiter.PeekAsync(bucket, key, policy.Limit, cancellationToken)) is { Allowed: false };
}
