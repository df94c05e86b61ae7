using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 hasher at OWASP's current parameters for PBKDF2-HMAC-SHA512: 210,000 iterations
/// (Password Storage Cheat Sheet). The format is versioned and records its PRF and iteration count, so a hash made with
/// weaker parameters (Identity's default of 100,000, or SHA-1/SHA-256) verifies as "rehash needed" and is replaced at
/// the next successful sign-in. Django's PBKDF2 hashes (<c>pbkdf2_sha256$iterations$salt$hash</c>, brought over by
/// import-videoq) verify too, always as "rehash needed": the first sign-in turns them into this format.
/// </summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    public const int Iterations = 210_000;

    /// <summary>Above this a Django hash is refused rather than verified (Django 5.2 uses 1,000,000).</summary>
    private const int MaxDjangoIterations = 10_000_000;

    private static readonly PasswordHasher<object> Inner = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    private static readonly object User = new();

    public string Hash(string password) => Inner.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password)
    {
        if (DjangoHash.TryParse(hash, out var django))
            return django.Matches(password) ? PasswordCheck.SuccessRehashNeeded : PasswordCheck.Failed;
        if (!IsIdentityHash(hash)) return PasswordCheck.Failed;
        return Inner.VerifyHashedPassword(User, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Success,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }

    public bool CanVerify(string hash) => DjangoHash.TryParse(hash, out _) || IsIdentityHash(hash);

    /// <summary>Identity's format: base64 of a version marker (0x00 for v2, 0x01 for v3) followed by the salt and the subkey.</summary>
    private static bool IsIdentityHash(string hash)
    {
        Span<byte> bytes = stackalloc byte[256];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] is 0x00 or 0x01;
    }

    /// <summary>Django's <c>PBKDF2PasswordHasher</c> / <c>PBKDF2SHA1PasswordHasher</c> format.</summary>
    private sealed record DjangoHash(HashAlgorithmName Algorithm, int Iterations, string Salt, byte[] Expected)
    {
        public static bool TryParse(string hash, out DjangoHash parsed)
        {
            parsed = null!;
            var parts = hash.Split('$');
            if (parts.Length != 4) return false;
            HashAlgorithmName? algorithm = parts[0] switch
            {
                "pbkdf2_sha256" => HashAlgorithmName.SHA256,
                "pbkdf2_sha1" => HashAlgorithmName.SHA1,
                _ => null,
            };
            if (algorithm is null || parts[2].Length == 0) return false;
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > MaxDjangoIterations) return false;
            byte[] expected;
            try
            {
                expected = Convert.FromBase64String(parts[3]);
            }
            catch (FormatException)
            {
                return false;
            }
            if (expected.Length is < 16 or > 64) return false;
            parsed = new DjangoHash(algorithm.Value, iterations, parts[2], expected);
            return true;
        }

        public bool Matches(string password)
        {
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(Salt), Iterations, Algorithm, Expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, Expected);
        }
    }
}
