using System.Reflection;
using AskVideo.Application.Common.Validation;

namespace AskVideo.Application.Accounts.Common;

/// <summary>
/// SPEC §3: at least 10 characters, not a common password, not the username or email. "Common" is an embedded list
/// of frequently breached passwords of that length plus simple patterns (one repeated character, too few distinct
/// characters, straight sequences such as 1234567890 or qwertyuiop).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);
    private static readonly string[] Sequences = ["0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm"];

    /// <summary>Returns the reasons the password is not acceptable (empty when it is).</summary>
    public static IReadOnlyList<string> Check(string? password, string? username, string? email) =>
        Problems(password, username, email).Select(p => p.Message).ToArray();

    /// <summary>The reasons the password is not acceptable, each with its field code (empty when it is acceptable).</summary>
    public static IReadOnlyList<FieldError> Problems(string? password, string? username, string? email)
    {
        var problems = new List<FieldError>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add(new FieldError(FieldErrorCode.Required, "Enter a password."));
            return problems;
        }
        if (password.Length < MinLength)
            problems.Add(new FieldError(FieldErrorCode.PasswordTooShort, $"Use at least {MinLength} characters.", new Dictionary<string, object> { ["min"] = MinLength }));
        if (password.Length > MaxLength)
            problems.Add(new FieldError(FieldErrorCode.PasswordTooLong, $"Use at most {MaxLength} characters.", new Dictionary<string, object> { ["max"] = MaxLength }));

        var lower = password.ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(username) && lower.Contains(username.Trim().ToLowerInvariant(), StringComparison.Ordinal))
            problems.Add(new FieldError(FieldErrorCode.PasswordContainsUsername, "The password must not contain your username."));
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = email.Trim().ToLowerInvariant();
            var local = normalized.Split('@')[0];
            if (lower == normalized || (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal)))
                problems.Add(new FieldError(FieldErrorCode.PasswordContainsEmail, "The password must not contain your email address."));
        }
        if (IsCommon(lower)) problems.Add(new FieldError(FieldErrorCode.PasswordTooCommon, "This password is too common; choose something less guessable."));
        return problems;
    }

    private static bool IsCommon(string lower)
    {
        if (Common.Value.Contains(lower)) return true;
        if (lower.Distinct().Count() < 4) return true;
        return Sequences.Any(s => s.Contains(lower, StringComparison.Ordinal)) ||
               Sequences.Any(s => new string(s.Reverse().ToArray()).Contains(lower, StringComparison.Ordinal));
    }

    private static HashSet<string> LoadCommon()
    {
        var assembly = typeof(PasswordPolicy).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#')) set.Add(entry.ToLowerInvariant());
        }
        return set;
    }
}
