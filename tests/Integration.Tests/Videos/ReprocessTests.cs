using System.Net;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

public class ReprocessTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>A video row in <paramref name="status"/>, optionally with a ProcessVideo job row in <paramref name="jobStatus"/>.</summary>
    private async Task<Guid> SeedAsync(Guid ownerId, VideoStatus status, JobStatus? jobStatus = null)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var video = VideoRows.InStatus(ownerId, status, now);
        var id = video.Id;
        db.Videos.Add(video);
        await db.SaveChangesAsync();
        if (jobStatus is not null)
        {
            // Far in the future, so the queue never picks it up during the test.
            await JobRows.AddAsync(db, Job.Create("ProcessVideo", $$"""{"videoId":"{{id}}"}""", now.AddDays(1)), jobStatus.Value);
        }
        return id;
    }

    private async Task<int> ProcessVideoJobsAsync(Guid videoId)
    {
        await using var scope = CreateScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking()
            .Where(j => j.Type == "ProcessVideo").Select(j => j.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(videoId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reprocess_ShouldQueueExactlyOneJob_WhenRequestsRace()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Ready);
        using var session = await Fixture.LoginAsync(user);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => session.PostAsync($"/api/v1/videos/{id}/reprocess")));

        Assert.Equal(1, await ProcessVideoJobsAsync(id));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
            await ProblemAssert.IsProblemAsync(conflict, 409, "already_processing");
    }

    [Fact]
    public async Task Reprocess_ShouldQueueAStuckVideoAgain_WhenItsJobIsDead()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Queued, jobStatus: JobStatus.Dead);
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{id}/reprocess");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(2, await ProcessVideoJobsAsync(id));
    }

    [Fact]
    public async Task Reprocess_ShouldQueueAStuckVideoAgain_WhenItHasNoJobAtAll()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Queued);
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{id}/reprocess");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await ProcessVideoJobsAsync(id));
    }

    [Theory]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Running)]
    public async Task Reprocess_ShouldAnswerConflict_WhenAQueuedVideoHasALiveJob(JobStatus jobStatus)
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Queued, jobStatus);
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{id}/reprocess");

        await ProblemAssert.IsProblemAsync(response, 409, "already_processing");
        Assert.Equal(1, await ProcessVideoJobsAsync(id));
    }

    [Fact]
    public async Task Reprocess_ShouldAnswerConflict_WhenTheVideoIsProcessing()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Processing, jobStatus: JobStatus.Running);
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{id}/reprocess");

        await ProblemAssert.IsProblemAsync(response, 409, "already_processing");
        Assert.Equal(1, await ProcessVideoJobsAsync(id));
    }

    [Fact]
    public async Task Reprocess_ShouldQueueAStuckProcessingVideoAgain_WhenItsJobIsDead()
    {
        // The worker died during the last attempt: the job was buried and the video left processing.
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, VideoStatus.Processing, jobStatus: JobStatus.Dead);
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{id}/reprocess");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(2, await ProcessVideoJobsAsync(id));
    }
}
