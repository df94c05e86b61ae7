using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>Applies a named throttling policy and turns a refusal into a 429 with Retry-After.</summary>
public sealed class RateLimitGuard(IRateLimiter limiter)
{
    /// <summary>Counts the attempt first (atomically), then refuses it when it is over the limit.</summary>
    public async Task EnforceAsync(string bucket, string? key, RateLimitPolicy policy, CancellationToken cancellationToken, string? message = null)
    {
        if (string.IsNullOrEmpty(key)) return;
        var decision = await limiter.HitAsync(bucket, key, policy.Limit, policy.Window, cancellationToken);
        if (!decision.Allowed)
            throw new RateLimitedException(decision.RetryAfter, message ?? "Too many attempts. Wait a moment and try again.");
    }

    public Task ResetAsync(string bucket, string key, CancellationToken cancellationToken) => limiter.ResetAsync(bucket, key, cancellationToken);
}
