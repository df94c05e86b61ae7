using System.Net;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Processing;

/// <summary>
/// Admin → Jobs → Retry of a failed or dead ProcessVideo job runs the pipeline of its video again, the same way the
/// owner's Reprocess does, and never alongside another live run of it.
/// </summary>
public class RetryProcessVideoJobTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<Job> ProcessVideoJobAsync(Guid videoId, Guid? not = null)
    {
        await using var scope = CreateScope();
        var jobs = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().Where(j => j.Type == "ProcessVideo").ToListAsync();
        return Assert.Single(jobs, j => j.Payload.Contains(videoId.ToString(), StringComparison.Ordinal) && j.Id != not);
    }

    private async Task<Video> VideoAsync(Guid id)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Videos.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    private async Task<Job> WaitForJobAsync(Guid jobId, JobStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            if (job.Status == status || DateTime.UtcNow > deadline) return job;
            await Task.Delay(100);
        }
    }

    /// <summary>A video row in <paramref name="status"/> (its file does not exist: a pipeline run would fail it) and a dead ProcessVideo job for it.</summary>
    private async Task<(Guid VideoId, Guid DeadJobId)> SeedWithDeadJobAsync(Guid ownerId, VideoStatus status)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var video = VideoRows.InStatus(ownerId, status, now);
        db.Videos.Add(video);
        var job = Job.Create("ProcessVideo", $$"""{"videoId":"{{video.Id}}"}""", now);
        return (video.Id, await JobRows.AddAsync(db, job, JobStatus.Dead, attempts: 5, lastError: "Speech recognition failed"));
    }

    [Fact]
    public async Task Retry_ShouldRunThePipelineAgain_WhenTheVideoFailed()
    {
        // Arrange: no subtitles and no speech recognition: the video fails and its job fails for good. Then the cause
        // is fixed without reprocessing: subtitles reach the video's storage (as an operator restoring a lost file
        // would; lighter for the suite than speech recognition through the fake provider).
        var clip = await SpokenClip.MakeAsync("plain", ProcessingTests.Sentences, withSubtitleTrack: false);
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var id = await ProcessingTests.UploadAsync(session, clip.Path);
        await ProcessingTests.WaitForStatusAsync(session, id, "failed");
        var failed = await ProcessVideoJobAsync(id);
        Assert.Equal(JobStatus.Failed, failed.Status);
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var key = StorageKeys.Subtitles(user.Id, id, ".srt");
            using var srt = new MemoryStream(Encoding.UTF8.GetBytes($"1\n00:00:01,000 --> 00:00:04,000\n{ProcessingTests.Sentences[0]}\n"));
            await scope.ServiceProvider.GetRequiredService<IVideoStorage>().SaveAsync(key, srt, "application/x-subrip", null, CancellationToken.None);
            var video = await db.Videos.SingleAsync(v => v.Id == id);
            video.AttachSubtitles(key, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var admin = await Fixture.CreateAsync(admin: true);
        using var adminSession = await Fixture.LoginAsync(admin);

        // Act
        var response = await adminSession.PostAsync($"/api/v1/admin/jobs/{failed.Id}/retry");

        // Assert: the video went back to the queue with the job, and this time the pipeline made it ready.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var afterRetry = await VideoAsync(id);
        Assert.NotEqual(VideoStatus.Failed, afterRetry.Status);
        Assert.Null(afterRetry.ErrorCode);
        await ProcessingTests.WaitForStatusAsync(session, id, "ready");
        var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
        Assert.Equal("subtitles", transcript.GetProperty("source").GetString());
        var job = await WaitForJobAsync(failed.Id, JobStatus.Succeeded);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LastError);
    }

    [Fact]
    public async Task Retry_ShouldAnswerConflict_AndLeaveTheJobDead_WhenTheOwnerAlreadyReprocessedTheVideo()
    {
        // Arrange: the owner reprocessed the failed video; its new job waits on the queue (due in a day, so it does not run).
        var user = await Fixture.CreateAsync();
        var (id, deadJobId) = await SeedWithDeadJobAsync(user.Id, VideoStatus.Queued);
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Jobs.Add(Job.Create("ProcessVideo", $$"""{"videoId":"{{id}}"}""", DateTimeOffset.UtcNow, availableAt: DateTimeOffset.UtcNow.AddDays(1)));
            await db.SaveChangesAsync();
        }
        var admin = await Fixture.CreateAsync(admin: true);
        using var adminSession = await Fixture.LoginAsync(admin);

        // Act
        var response = await adminSession.PostAsync($"/api/v1/admin/jobs/{deadJobId}/retry");

        // Assert: a second run of the pipeline alongside the owner's is refused.
        await ProblemAssert.IsProblemAsync(response, 409, "already_processing");
        Assert.Equal(JobStatus.Dead, (await WaitForJobAsync(deadJobId, JobStatus.Dead)).Status);
        Assert.Equal(JobStatus.Pending, (await ProcessVideoJobAsync(id, not: deadJobId)).Status);
    }

    [Fact]
    public async Task Retry_ShouldNotRunThePipeline_WhenTheVideoIsReadyAgain()
    {
        // Arrange: the owner reprocessed the video since its job died, and it is ready.
        var user = await Fixture.CreateAsync();
        var (id, deadJobId) = await SeedWithDeadJobAsync(user.Id, VideoStatus.Ready);
        var before = await VideoAsync(id);
        var admin = await Fixture.CreateAsync(admin: true);
        using var adminSession = await Fixture.LoginAsync(admin);

        // Act
        var response = await adminSession.PostAsync($"/api/v1/admin/jobs/{deadJobId}/retry");

        // Assert: the job leaves the dead letters and finishes with nothing to do; the video is untouched (a run would
        // have failed it: its file does not exist).
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await WaitForJobAsync(deadJobId, JobStatus.Succeeded);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var after = await VideoAsync(id);
        Assert.Equal(VideoStatus.Ready, after.Status);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }
}
