using AskVideo.Domain.Common;

namespace AskVideo.Domain.Users;

public sealed class User
{
    public const int MaxUsernameLength = 32;
    public const int MaxEmailLength = 254;

    private User()
    {
        Email = string.Empty;
        NormalizedEmail = string.Empty;
        Username = string.Empty;
        NormalizedUsername = string.Empty;
        PasswordHash = string.Empty;
        PreferredLanguage = Language.English;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string Username { get; private set; }
    public string NormalizedUsername { get; private set; }
    public string PasswordHash { get; private set; }
    public DateTimeOffset? EmailVerifiedAt { get; private set; }
    public bool IsActive { get; private set; }
    public bool IsAdmin { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Maximum number of videos; null means unlimited.</summary>
    public int? VideoLimit { get; private set; }

    /// <summary>Per-user override of the global upload size limit; null means the global default.</summary>
    public long? MaxUploadBytes { get; private set; }

    public string PreferredLanguage { get; private set; }
    public string? LlmModel { get; private set; }
    public double? LlmTemperature { get; private set; }

    /// <summary>The user's own OpenAI key, encrypted by the application's secret protector.</summary>
    public string? OpenAiKeyCiphertext { get; private set; }
    public string? OpenAiKeyLast4 { get; private set; }

    /// <summary>Set when the user asked for their account to be deleted; the account is unusable from then on.</summary>
    public DateTimeOffset? DeletionRequestedAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;
    public bool IsDeleted => DeletionRequestedAt is not null;
    public bool CanSignIn => IsActive && !IsDeleted && IsEmailVerified;

    public static User Register(string email, string username, string passwordHash, int? defaultVideoLimit, string preferredLanguage, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Ids.New(),
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
            PasswordHash = passwordHash,
            VideoLimit = defaultVideoLimit,
            PreferredLanguage = Language.Normalize(preferredLanguage),
        };
        user.SetEmail(email);
        user.SetUsername(username, now);
        return user;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    private void SetEmail(string email)
    {
        Email = email.Trim();
        NormalizedEmail = NormalizeEmail(email);
    }

    public void SetUsername(string username, DateTimeOffset now)
    {
        Username = username.Trim();
        NormalizedUsername = NormalizeUsername(username);
        UpdatedAt = now;
    }

    public void MarkEmailVerified(DateTimeOffset now)
    {
        EmailVerifiedAt ??= now;
        UpdatedAt = now;
    }

    public void ChangePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    public void SetPreferredLanguage(string language, DateTimeOffset now)
    {
        PreferredLanguage = Language.Normalize(language);
        UpdatedAt = now;
    }

    /// <summary>The user's chat model; null or empty means the server's default.</summary>
    public void SetLlmModel(string? model, DateTimeOffset now)
    {
        LlmModel = string.IsNullOrWhiteSpace(model) ? null : model.Trim();
        UpdatedAt = now;
    }

    /// <summary>The user's temperature (0–2); null means the server's default.</summary>
    public void SetLlmTemperature(double? temperature, DateTimeOffset now)
    {
        if (temperature is < 0 or > 2)
            throw new DomainException(ErrorCode.InvalidTemperature, "Temperature must be between 0 and 2.");
        LlmTemperature = temperature;
        UpdatedAt = now;
    }

    public void SetOpenAiKey(string ciphertext, string last4, DateTimeOffset now)
    {
        OpenAiKeyCiphertext = ciphertext;
        OpenAiKeyLast4 = last4;
        UpdatedAt = now;
    }

    public void RemoveOpenAiKey(DateTimeOffset now)
    {
        OpenAiKeyCiphertext = null;
        OpenAiKeyLast4 = null;
        UpdatedAt = now;
    }

    public void SetActive(bool isActive, DateTimeOffset now)
    {
        IsActive = isActive;
        UpdatedAt = now;
    }

    public void SetAdmin(bool isAdmin, DateTimeOffset now)
    {
        IsAdmin = isAdmin;
        UpdatedAt = now;
    }

    public void SetVideoLimit(int? videoLimit, DateTimeOffset now)
    {
        if (videoLimit is < 0) throw new DomainException(ErrorCode.InvalidVideoLimit, "The video limit cannot be negative.");
        VideoLimit = videoLimit;
        UpdatedAt = now;
    }

    public void SetMaxUploadBytes(long? maxUploadBytes, DateTimeOffset now)
    {
        if (maxUploadBytes is <= 0) throw new DomainException(ErrorCode.InvalidUploadLimit, "The upload limit must be positive.");
        MaxUploadBytes = maxUploadBytes;
        UpdatedAt = now;
    }

    public void RequestDeletion(DateTimeOffset now)
    {
        DeletionRequestedAt ??= now;
        IsActive = false;
        UpdatedAt = now;
    }

    /// <summary>True when the user may upload one more video given how many they already have.</summary>
    public bool CanAddVideo(int currentVideoCount) => VideoLimit is null || currentVideoCount < VideoLimit;
}
