using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Users;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>
/// Throttles password guesses per account (docs/decisions.md, "Account throttle"). One account has one key whatever
/// name it was addressed by (its id; unknown names get a key of their own). Every attempt is counted before the
/// password is checked, so a parallel burst gets at most the limit through; a success resets the counters.
/// Two counters: per account and network (the lockout a guesser meets, which does not reach the owner's network)
/// and per account over every network (a much higher ceiling against guessing spread over many addresses).
/// </summary>
public sealed class AccountThrottle(RateLimitGuard limits, ICurrentUser caller, IPasswordHasher hasher, IOptions<RateLimitOptions> options)
{
    private const string Message = "Too many failed password attempts for this account. Wait and try again, or reset your password.";

    public static string KeyFor(Guid userId) => userId.ToString("N");

    public static string KeyForUnknown(string normalizedLogin) => "unknown:" + normalizedLogin;

    public async Task CountAttemptAsync(string accountKey, CancellationToken cancellationToken)
    {
        await limits.EnforceAsync("password-account-network", NetworkScoped(accountKey), options.Value.LoginPerAccount, cancellationToken, Message);
        await limits.EnforceAsync("password-account", accountKey, options.Value.LoginPerAccountAllNetworks, cancellationToken, Message);
    }

    public async Task ResetAsync(string accountKey, CancellationToken cancellationToken)
    {
        await limits.ResetAsync("password-account-network", NetworkScoped(accountKey), cancellationToken);
        await limits.ResetAsync("password-account", accountKey, cancellationToken);
    }

    /// <summary>
    /// For a signed-in user re-entering the password (change it, delete the account): counted like a sign-in; a wrong
    /// password is a 400 on <paramref name="field"/>.
    /// </summary>
    public async Task ConfirmPasswordAsync(User user, string password, string field, CancellationToken cancellationToken)
    {
        var key = KeyFor(user.Id);
        await CountAttemptAsync(key, cancellationToken);
        if (hasher.Verify(user.PasswordHash, password) == PasswordCheck.Failed)
            throw ValidationFailedException.For(field, FieldErrorCode.PasswordIncorrect, "The password is incorrect.");
        await ResetAsync(key, cancellationToken);
    }

    private string NetworkScoped(string accountKey) => accountKey + "|" + NetworkKey.Of(caller.IpAddress);
}
