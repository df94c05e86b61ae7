using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Authenticates a presented credential again, the way the request's authentication did: an access token is checked
/// for its signature and lifetime, then against the session revocations in Redis (one round trip); a personal API
/// token is looked up in PostgreSQL. An outage of either store keeps the credential valid (logged): it must not cut
/// every open stream, and the next request is authenticated in full anyway.
/// </summary>
public sealed class CredentialCheck(
    AccessTokenService accessTokens,
    RedisSessionRevocation revocation,
    ApiTokenAuthenticator apiTokens,
    ILogger<CredentialCheck> logger) : ICredentialCheck
{
    public async Task<bool> IsStillValidAsync(AuthMethod method, string credential, CancellationToken cancellationToken)
    {
        try
        {
            switch (method)
            {
                case AuthMethod.Cookie:
                    var claims = await accessTokens.ValidateAsync(credential);
                    return claims is not null && !await revocation.IsRevokedAsync(claims);
                case AuthMethod.ApiToken:
                    return await apiTokens.AuthenticateAsync(credential, cancellationToken) is not null;
                default:
                    return true;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or RedisException or TimeoutException)
        {
            logger.LogWarning("Credential re-check skipped, a store is unavailable: {Error}", ex.Message);
            return true;
        }
    }
}
