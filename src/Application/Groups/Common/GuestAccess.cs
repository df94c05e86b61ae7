using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Groups.Common;

/// <summary>
/// Guests are whoever holds a share token: a request with one is limited to the token's group, whoever the caller
/// is (a signed-in user opening someone else's link is a guest too), and throttled per token and per network (an IPv4
/// address or an IPv6 /64, see <see cref="NetworkKey"/>), which also bounds guessing tokens.
/// </summary>
public sealed class GuestThrottle(RateLimitGuard guard, ICurrentUser caller, IOptions<RateLimitOptions> limits)
{
    public async Task EnforceAsync(string shareToken, CancellationToken cancellationToken)
    {
        const string message = "Too many requests through this share link. Wait a moment and try again.";
        await guard.EnforceAsync("share-token", SecretTokens.Hash(shareToken), limits.Value.SharePerToken, cancellationToken, message);
        await guard.EnforceAsync("share-ip", NetworkKey.Of(caller.IpAddress), limits.Value.SharePerIp, cancellationToken, message);
    }
}
