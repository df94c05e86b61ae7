using System.Security.Cryptography;
using System.Text;

namespace AskVideo.Application.Common.Security;

/// <summary>Random secrets (email links, refresh tokens, API tokens) and their stored form (a SHA-256 hash).</summary>
public static class SecretTokens
{
    /// <summary>A URL-safe random token with <paramref name="bytes"/> bytes (default 256 bits) of entropy.</summary>
    public static string Create(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>
    /// Hex SHA-256. The secrets have 256 bits of entropy, so a fast unsalted hash is enough: nothing can be guessed
    /// from it, and lookups stay a single indexed equality.
    /// </summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
