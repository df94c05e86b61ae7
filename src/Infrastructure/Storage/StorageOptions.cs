using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Storage;

/// <summary>Media storage (section "Storage"): the local filesystem or any S3-compatible store.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>"local" or "s3".</summary>
    public string Provider { get; set; } = "local";

    /// <summary>Root folder for the local provider. nginx's internal media location must point at the same folder.</summary>
    public string LocalRoot { get; set; } = "media";

    public S3Settings S3 { get; set; } = new();

    /// <summary>Partial uploads (temp files, unfinished S3 multipart uploads) untouched this long are removed.</summary>
    public int IncompleteUploadMaxAgeMinutes { get; set; } = 60;

    /// <summary>How often every host looks for such leftovers.</summary>
    public int SweepIntervalMinutes { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not ("local" or "s3"))
            yield return new ValidationResult("Storage:Provider must be \"local\" or \"s3\".", [nameof(Provider)]);
        if (Provider == "local" && string.IsNullOrWhiteSpace(LocalRoot))
            yield return new ValidationResult("Storage:LocalRoot must be set for the local provider.", [nameof(LocalRoot)]);
        if (Provider == "s3" && string.IsNullOrWhiteSpace(S3.Bucket))
            yield return new ValidationResult("Storage:S3:Bucket must be set for the s3 provider.", ["S3.Bucket"]);
        if (IncompleteUploadMaxAgeMinutes is < 5 or > 10080)
            yield return new ValidationResult("Storage:IncompleteUploadMaxAgeMinutes must be between 5 and 10080 (a week).", [nameof(IncompleteUploadMaxAgeMinutes)]);
        if (SweepIntervalMinutes is < 1 or > 1440)
            yield return new ValidationResult("Storage:SweepIntervalMinutes must be between 1 and 1440.", [nameof(SweepIntervalMinutes)]);
        if (S3.PresignMinutes is < 1 or > 60)
            yield return new ValidationResult("Storage:S3:PresignMinutes must be between 1 and 60.", ["S3.PresignMinutes"]);
    }
}

public sealed class S3Settings
{
    public string Bucket { get; set; } = string.Empty;
    public string Region { get; set; } = "us-east-1";

    /// <summary>Endpoint of an S3-compatible store (MinIO, s3rver, R2…). Empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    public bool ForcePathStyle { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>Lifetime of presigned media URLs.</summary>
    public int PresignMinutes { get; set; } = 5;

    /// <summary>Part size for multipart uploads, in MiB.</summary>
    public int PartSizeMiB { get; set; } = 16;
}
