using Amazon.S3;
using Amazon.S3.Model;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>The test stack's s3rver: host settings for S3 storage, and a client to look into (and tidy) the bucket.</summary>
public static class TestS3
{
    public const string Bucket = "askvideo-test";

    public static readonly string ServiceUrl = $"http://127.0.0.1:{Environment.GetEnvironmentVariable("S3_PORT") ?? "4569"}";

    /// <summary>Settings that make a host store media in <paramref name="bucket"/> of s3rver.</summary>
    public static Dictionary<string, string?> Settings(string bucket = Bucket) => new()
    {
        ["Storage:Provider"] = "s3",
        ["Storage:S3:Bucket"] = bucket,
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:ForcePathStyle"] = "true",
        ["Storage:S3:AccessKey"] = "S3RVER",
        ["Storage:S3:SecretKey"] = "S3RVER",
    };

    public static async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        using var client = Client();
        var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return page.S3Objects?.Select(o => o.Key).ToList() ?? [];
    }

    /// <summary>Leaves the bucket as the test found it (s3rver mislists a bucket with many objects).</summary>
    public static async Task DeletePrefixAsync(string prefix)
    {
        using var client = Client();
        foreach (var key in await KeysAsync(prefix)) await client.DeleteObjectAsync(Bucket, key);
    }

    private static AmazonS3Client Client() => new(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
}
