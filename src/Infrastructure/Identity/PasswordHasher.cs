using AskVideo.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;

namespace AskVideo.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, 100k iterations, salted, versioned format).</summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<object> Inner = new();
    private static readonly object User = new();

    public string Hash(string password) => Inner.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => Inner.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };
}
