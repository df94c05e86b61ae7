using AskVideo.Infrastructure.Storage;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>Partial uploads a crash leaves behind are removed once they are older than the threshold (1 h by default).</summary>
public class IncompleteUploadSweeperTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static string TempDir => Path.Combine(TestEnvironment.MediaRoot, ".tmp");

    private static string TempFile(TimeSpan age)
    {
        Directory.CreateDirectory(TempDir);
        var path = Path.Combine(TempDir, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "partial upload");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public async Task Sweep_ShouldRemoveTempFilesOlderThanTheThreshold_AndKeepRecentOnes()
    {
        var crashed = TempFile(TimeSpan.FromHours(2));
        var inProgress = TempFile(TimeSpan.FromMinutes(5));

        var removed = await Fixture.Services.GetRequiredService<IncompleteUploadSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(inProgress));
        File.Delete(inProgress);
    }

    [Fact]
    public async Task Hosts_ShouldSweepWhenTheyStart()
    {
        var crashed = TempFile(TimeSpan.FromDays(1));

        await using var host = new ApiFactory(new Dictionary<string, string?> { ["Storage:IncompleteUploadMaxAgeMinutes"] = "30" });
        _ = host.Services; // starts the host and its background services

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(crashed) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.False(File.Exists(crashed));
    }

    [Fact]
    public async Task S3Sweep_ShouldLeaveUnfinishedUploadsToALifecycleRule_WhenTheStoreCannotListThem()
    {
        var port = Environment.GetEnvironmentVariable("S3_PORT") ?? "4569";
        var options = new StorageOptions
        {
            Provider = "s3",
            S3 = new S3Settings { Bucket = "askvideo-test", ServiceUrl = $"http://127.0.0.1:{port}", ForcePathStyle = true, AccessKey = "S3RVER", SecretKey = "S3RVER" },
        };
        using var storage = new S3VideoStorage(Options.Create(options), TimeProvider.System, NullLogger<S3VideoStorage>.Instance);

        // s3rver, like some S3-compatible stores, answers NotImplemented to ListMultipartUploads: the sweep must carry on.
        var aborted = await storage.SweepIncompleteAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Equal(0, aborted);
    }
}
