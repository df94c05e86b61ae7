using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>
/// A failure once the video is committed (here: the request is cancelled while the new video is announced, as when
/// the client goes away while the answer is written) must not remove the files of the saved video.
/// </summary>
public class UploadAfterCommitTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Upload_ShouldKeepTheFilesOfACommittedVideo_WhenTheRequestFailsAfterTheCommit()
    {
        var (user, client, host) = await SignedInToFailingHostAsync();
        await using var _ = host;

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync(), "after-commit.mp4"));

        Assert.False(response.IsSuccessStatusCode);
        var video = await SingleVideoAsync(user.Id);
        var stored = Assert.Single(TestMedia.FilesOf(user.Id));
        Assert.EndsWith(video.StorageKey.Split('/')[^1], stored);
    }

    [Fact]
    public async Task AddSample_ShouldKeepTheFilesOfACommittedVideo_WhenTheRequestFailsAfterTheCommit()
    {
        var (user, client, host) = await SignedInToFailingHostAsync();
        await using var _ = host;

        var response = await client.PostAsync("/api/v1/videos/sample", null);

        Assert.False(response.IsSuccessStatusCode);
        var video = await SingleVideoAsync(user.Id);
        Assert.Equal(2, TestMedia.FilesOf(user.Id).Count); // the clip and its subtitles
        Assert.Contains(TestMedia.FilesOf(user.Id), f => f.EndsWith(video.StorageKey.Split('/')[^1], StringComparison.Ordinal));
    }

    private async Task<(TestUser User, HttpClient Client, ApiFactory Host)> SignedInToFailingHostAsync()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (tokenClient, _) = await session.CreateTokenClientAsync("read", "write");
        var host = new ApiFactory(new Dictionary<string, string?>());
        var failing = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IVideoEvents, CancelledAnnouncements>()));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = tokenClient.DefaultRequestHeaders.Authorization;
        tokenClient.Dispose();
        return (user, client, host);
    }

    private async Task<Video> SingleVideoAsync(Guid userId)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Videos.AsNoTracking().SingleAsync(v => v.OwnerId == userId);
    }

    /// <summary>Announcing a new video is the first thing after its commit; failing there fails the request after the commit.</summary>
    private sealed class CancelledAnnouncements : IVideoEvents
    {
        public Task PublishAsync(Video video, CancellationToken cancellationToken) => throw new OperationCanceledException("The client went away.");

        public Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeAsync(Guid videoId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeToOwnerAsync(Guid ownerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
