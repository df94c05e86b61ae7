using System.ComponentModel.DataAnnotations;

namespace AskVideo.Application.Common.Options;

/// <summary>Product-level settings (section "App").</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The URL users reach the app at; used in email links. No trailing slash needed.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";

    public bool SignupEnabled { get; set; } = true;

    /// <summary>Video limit given to new users. Null (empty) means unlimited. Never 0 by default.</summary>
    [Range(0, int.MaxValue)]
    public int? DefaultVideoLimit { get; set; } = 100;

    /// <summary>Global upload size limit in bytes; a user's own override wins. nginx uses the same value.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>When false, new accounts can sign in without clicking the verification link (useful for closed installs).</summary>
    public bool RequireEmailVerification { get; set; } = true;

    public string Version { get; set; } = typeof(AppOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
