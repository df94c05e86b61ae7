using System.Net;
using AskVideo.Application.Videos.Manage;
using AskVideo.Infrastructure.Identity;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>Deleting a video: the row goes at once, a durable job owns removing its files.</summary>
public class DeleteVideoTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Delete_ShouldAnswer204_WhenTheStorageFailsDuringTheRequest_AndTheJobRemovesTheFilesLater()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("read", "write");
        await using var s3 = new ApiFactory(TestS3.Settings());
        await using var brokenS3 = new ApiFactory(TestS3.Settings("no-such-bucket"));
        using var client = s3.CreateClient();
        using var brokenClient = brokenS3.CreateClient();
        client.DefaultRequestHeaders.Authorization = brokenClient.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        var created = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var prefix = $"users/{user.Id:N}/videos/{id:N}/";
        Assert.NotEmpty(await TestS3.KeysAsync(prefix));

        // Every storage call of this host fails (its bucket does not exist): the delete is committed all the same.
        var response = await brokenClient.DeleteAsync($"/api/v1/videos/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Videos.AnyAsync(v => v.Id == id));
            var jobs = await db.Jobs.AsNoTracking().Where(j => j.Type == "DeleteVideoFiles").ToListAsync();
            Assert.Contains(jobs, j => j.Payload.Contains(id.ToString(), StringComparison.Ordinal));
        }
        Assert.NotEmpty(await TestS3.KeysAsync(prefix)); // nothing was removed inline

        // The job, run where the storage works, removes them.
        await using (var scope = s3.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUserContext>().SetSystem();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeleteVideoFilesJob(user.Id, id));
        }

        Assert.Empty(await TestS3.KeysAsync(prefix));
    }

    [Fact]
    public async Task Delete_ShouldCascadeToTranscriptAndScenes_AndKeepTheChatHistoryWithoutTheVideo()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("read", "write");
        var id = (await (await token.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync()))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var chatId = Guid.NewGuid();
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database;
            await db.ExecuteSqlAsync($"INSERT INTO transcript_segments (video_id, position, start_ms, end_ms, text) VALUES ({id}, 0, 0, 1000, 'hello')");
            await db.ExecuteSqlAsync($"INSERT INTO scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count) VALUES ({Guid.NewGuid()}, {id}, {user.Id}, 0, 0, 1000, 'hello', 1)");
            await db.ExecuteSqlAsync($"""
                INSERT INTO chat_logs (id, owner_id, video_id, origin, question, answer, model, latency_ms, feedback_token_hash, created_at)
                VALUES ({chatId}, {user.Id}, {id}, 'owner', 'what?', 'hello', 'extractive', 1, 'x', now())
                """);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/videos/{id}")).StatusCode);

        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.TranscriptSegments.AnyAsync(s => s.VideoId == id));
            Assert.False(await db.Scenes.AnyAsync(s => s.VideoId == id));
            var chat = await db.ChatLogs.AsNoTracking().SingleAsync(c => c.Id == chatId);
            Assert.Null(chat.VideoId);
        }
    }
}
