using System.ComponentModel.DataAnnotations;

namespace AskVideo.Application.Common.Options;

/// <summary>Session and token lifetimes (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 10;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(1, 168)]
    public int VerificationTokenHours { get; set; } = 24;

    [Range(1, 48)]
    public int PasswordResetTokenHours { get; set; } = 2;

    /// <summary>
    /// A refresh token presented again within this many seconds of its rotation is treated as a race between tabs
    /// (answered 409, nothing revoked) rather than as theft.
    /// </summary>
    [Range(0, 60)]
    public int RefreshRaceGraceSeconds { get; set; } = 10;
}

/// <summary>Throttling policies (section "RateLimits"). Counters live in Redis, so they hold across API instances.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts per network (an IPv4 address or an IPv6 /64), whatever the account.</summary>
    public RateLimitPolicy LoginPerIp { get; set; } = new(30, 60);

    /// <summary>
    /// Password attempts per account from one network (sign-in, password change, account deletion), counted before
    /// the password is checked and reset by a success. A stranger's guesses lock out only the stranger's network.
    /// </summary>
    public RateLimitPolicy LoginPerAccount { get; set; } = new(10, 900);

    /// <summary>Password attempts per account from every network together: a much higher ceiling against spread-out guessing.</summary>
    public RateLimitPolicy LoginPerAccountAllNetworks { get; set; } = new(100, 900);
    public RateLimitPolicy SignupPerIp { get; set; } = new(10, 3600);
    public RateLimitPolicy EmailPerAddress { get; set; } = new(5, 3600);
    public RateLimitPolicy EmailPerIp { get; set; } = new(20, 3600);

    /// <summary>General budget per signed-in user (or per IP for anonymous callers), all endpoints together.</summary>
    public RateLimitPolicy ApiPerUser { get; set; } = new(3000, 60);
    public RateLimitPolicy ApiPerIp { get; set; } = new(1200, 60);

    /// <summary>Per user: storing an OpenAI key and listing models call the AI provider.</summary>
    public RateLimitPolicy OpenAiKeyPerUser { get; set; } = new(10, 60);
    public RateLimitPolicy ModelsPerUser { get; set; } = new(30, 60);

    /// <summary>Guests with a share link: requests per link (all its guests together) and per guest IP address.</summary>
    public RateLimitPolicy SharePerToken { get; set; } = new(600, 60);
    public RateLimitPolicy SharePerIp { get; set; } = new(300, 60);

    /// <summary>Questions through one share link (each costs the owner a model call).</summary>
    public RateLimitPolicy SharedChatPerToken { get; set; } = new(30, 60);
}

public sealed class RateLimitPolicy
{
    public RateLimitPolicy()
    {
    }

    public RateLimitPolicy(int limit, int windowSeconds)
    {
        Limit = limit;
        WindowSeconds = windowSeconds;
    }

    [Range(1, int.MaxValue)]
    public int Limit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
