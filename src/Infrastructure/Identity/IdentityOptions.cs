using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Identity;

/// <summary>Access-token signing (section "Auth").</summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256). Shared by every API instance.</summary>
    public string JwtSigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "askvideo";

    public int AccessTokenMinutes { get; set; } = 10;

    public byte[] KeyBytes => Convert.FromBase64String(JwtSigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        byte[]? bytes = null;
        try
        {
            bytes = string.IsNullOrWhiteSpace(JwtSigningKey) ? null : Convert.FromBase64String(JwtSigningKey);
        }
        catch (FormatException)
        {
        }
        if (bytes is null || bytes.Length < 32)
            yield return new ValidationResult("Auth:JwtSigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 48`).", [nameof(JwtSigningKey)]);
    }
}

/// <summary>Keys for encrypting secrets at rest (section "Security").</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>The first key encrypts; every key can decrypt (rotation: put the new key first, keep the old ones).</summary>
    public List<EncryptionKey> EncryptionKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EncryptionKeys.Count == 0)
        {
            yield return new ValidationResult("Security:EncryptionKeys:0:Id and Security:EncryptionKeys:0:Key must be set (Key: base64 of 32 random bytes, e.g. `openssl rand -base64 32`).", [nameof(EncryptionKeys)]);
            yield break;
        }
        for (var i = 0; i < EncryptionKeys.Count; i++)
        {
            var key = EncryptionKeys[i];
            if (string.IsNullOrWhiteSpace(key.Id) || key.Id.Length > 16 || key.Id.Contains(':', StringComparison.Ordinal))
                yield return new ValidationResult($"Security:EncryptionKeys:{i}:Id must be 1-16 characters without ':'.", [nameof(EncryptionKeys)]);
            if (!IsAesKey(key.Key))
                yield return new ValidationResult($"Security:EncryptionKeys:{i}:Key must be base64 of exactly 32 random bytes.", [nameof(EncryptionKeys)]);
        }
        if (EncryptionKeys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != EncryptionKeys.Count)
            yield return new ValidationResult("Security:EncryptionKeys ids must be unique.", [nameof(EncryptionKeys)]);
    }

    private static bool IsAesKey(string value)
    {
        try
        {
            return Convert.FromBase64String(value).Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed class EncryptionKey
{
    public string Id { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
}
