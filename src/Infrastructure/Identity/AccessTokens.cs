using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AskVideo.Infrastructure.Identity;

public sealed record AccessTokenClaims(Guid UserId, Guid SessionId, bool IsAdmin, DateTimeOffset IssuedAt);

/// <summary>Short-lived HMAC-signed JWTs for the access_token cookie.</summary>
public sealed class AccessTokenService(IOptions<JwtOptions> options, TimeProvider time) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(options.Value.KeyBytes);

    public IssuedAccessToken Issue(Guid userId, bool isAdmin, Guid sessionId)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId.ToString(),
                ["sid"] = sessionId.ToString(),
                ["adm"] = isAdmin,
                ["jti"] = Guid.NewGuid().ToString("N"),
                // "iat" has whole seconds; revocation needs to order a token against a revocation in the same second.
                ["iat_ms"] = now.ToUnixTimeMilliseconds(),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedAccessToken(token, expires);
    }

    /// <summary>Validates signature, issuer, audience and lifetime; returns null for any invalid token.</summary>
    public async Task<AccessTokenClaims?> ValidateAsync(string token)
    {
        if (token.Length > 4096) return null;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = options.Value.Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is not null && now < expires.Value.AddSeconds(30) && (notBefore is null || now >= notBefore.Value.AddSeconds(-30));
            },
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;
        if (!jwt.TryGetPayloadValue<string>("sub", out var sub) || !Guid.TryParse(sub, out var userId)) return null;
        if (!jwt.TryGetPayloadValue<string>("sid", out var sid) || !Guid.TryParse(sid, out var sessionId)) return null;
        jwt.TryGetPayloadValue<bool>("adm", out var isAdmin);
        if (!jwt.TryGetPayloadValue<long>("iat_ms", out var issuedAtMs)) return null;
        return new AccessTokenClaims(userId, sessionId, isAdmin, DateTimeOffset.FromUnixTimeMilliseconds(issuedAtMs));
    }
}
