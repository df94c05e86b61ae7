using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Upload;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>
/// An upload schedules the removal of its files before it stores a byte, and the commit of the video cancels it: a
/// process that dies in between (tests/Resilience kills one there) leaves files that the scheduled job removes later.
/// </summary>
public class AbandonedUploadTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string JobType = "RemoveAbandonedUpload";

    private async Task<List<Job>> CleanupJobsAsync()
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().Where(j => j.Type == JobType).ToListAsync();
    }

    private async Task RunJobAsync(IBackgroundJob job)
    {
        Guid id;
        await using (var scope = CreateScope())
        {
            id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(job);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = CreateScope();
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (row.Status == JobStatus.Succeeded) return;
            Assert.True(row.Status is JobStatus.Pending or JobStatus.Dispatched or JobStatus.Running, $"The job ended {row.Status}: {row.LastError}");
            Assert.True(DateTime.UtcNow < deadline, "The job did not run within 20 s.");
            await Task.Delay(100);
        }
    }

    private static string VideoDir(Guid userId, Guid videoId) =>
        Path.Combine(TestEnvironment.MediaRoot, "users", userId.ToString("N"), "videos", videoId.ToString("N"));

    [Fact]
    public async Task Upload_ShouldCancelItsCleanup_WhenTheVideoIsCommitted()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var id = await ProcessingTests.UploadAsync(session, await TestMedia.VideoAsync());

        Assert.Empty(await CleanupJobsAsync());
        Assert.NotEmpty(Directory.GetFiles(VideoDir(user.Id, id)));
    }

    [Fact]
    public async Task Upload_ShouldCancelItsCleanup_WhenItFailsAndCleansUpItself()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(await TestMedia.ImageAsync(), "photo.mp4") });

        await ProblemAssert.IsProblemAsync(response, 422, "unsupported_media");
        Assert.Empty(TestMedia.FilesOf(user.Id));
        Assert.Empty(await CleanupJobsAsync());
    }

    [Fact]
    public async Task Schedule_ShouldMakeTheJobDueAfterTheDelay()
    {
        await using var scope = CreateScope();
        var before = DateTimeOffset.UtcNow;
        var id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Schedule(new RemoveAbandonedUploadJob(Guid.NewGuid(), Guid.NewGuid()), VideoIngest.AbandonedAfter);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SaveChangesAsync();

        var row = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Pending, row.Status);
        Assert.InRange(row.AvailableAt, before + VideoIngest.AbandonedAfter, DateTimeOffset.UtcNow + VideoIngest.AbandonedAfter);
        Assert.True(VideoIngest.AbandonedAfter > CreateUploadCommand.Lifetime, "never before an announced upload may still arrive");
    }

    [Fact]
    public async Task RemoveAbandonedUpload_ShouldRemoveTheFilesOfAnUploadThatNeverBecameAVideo()
    {
        var user = await Fixture.CreateAsync();
        var videoId = Guid.NewGuid();
        var dir = VideoDir(user.Id, videoId);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "original.mp4"), "stored, never committed");
        await File.WriteAllTextAsync(Path.Combine(dir, "subtitles.vtt"), "WEBVTT");

        await RunJobAsync(new RemoveAbandonedUploadJob(user.Id, videoId));

        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task RemoveAbandonedUpload_ShouldKeepTheFilesOfACommittedVideo()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var id = await ProcessingTests.UploadAsync(session, await TestMedia.VideoAsync());
        var files = Directory.GetFiles(VideoDir(user.Id, id));

        await RunJobAsync(new RemoveAbandonedUploadJob(user.Id, id));

        Assert.All(files, f => Assert.True(File.Exists(f), $"{f} was removed"));
    }
}
