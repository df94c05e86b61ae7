using AskVideo.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 hasher at OWASP's current parameters for PBKDF2-HMAC-SHA512: 210,000 iterations
/// (Password Storage Cheat Sheet). The format is versioned and records its PRF and iteration count, so a hash made with
/// weaker parameters (Identity's default of 100,000, or SHA-1/SHA-256) verifies as "rehash needed" and is replaced at
/// the next successful sign-in.
/// </summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    public const int Iterations = 210_000;

    private static readonly PasswordHasher<object> Inner = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    private static readonly object User = new();

    public string Hash(string password) => Inner.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => Inner.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };
}
