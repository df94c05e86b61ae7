using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Processing;

/// <summary>The processing pipeline end to end on the real stack: upload → probe → transcript → scenes → index → ready.</summary>
public class ProcessingTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    public static readonly string[] Sentences =
    [
        "The red fox crossed the frozen river at dawn.",
        "Engineers measured the bridge and found a crack in the steel.",
        "Our bakery sells fresh bread with butter every morning.",
        "The telescope revealed a faint comet near the horizon.",
    ];

    internal static async Task<JsonElement> WaitForStatusAsync(SessionClient session, Guid videoId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var video = await (await session.GetAsync($"/api/v1/videos/{videoId}")).ReadJsonAsync();
            var current = video.GetProperty("status").GetString();
            if (current == status) return video;
            if (current is "ready" or "failed" && current != status)
                throw new InvalidOperationException($"Video ended {current} instead of {status}: {video.GetProperty("error")}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Video is still {current} ({video.GetProperty("stage")} {video.GetProperty("progress")}%)");
            await Task.Delay(200);
        }
    }

    internal static async Task<Guid> UploadAsync(SessionClient session, string path, params (string Name, string Value)[] fields)
    {
        using var form = TestMedia.Upload(path, null, fields);
        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<(TestUser User, SessionClient Session)> SignInAsync(string? openAiKey = null)
    {
        var user = await Fixture.CreateAsync();
        if (openAiKey is not null) await SetOpenAiKeyAsync(user.Id, openAiKey);
        return (user, await Fixture.LoginAsync(user));
    }

    /// <summary>A signed-in owner with the subtitled clip uploaded and processed.</summary>
    private async Task<(TestUser User, SessionClient Session, Guid Id)> ReadyVideoAsync()
    {
        var clip = await SpokenClip.MakeAsync("embedded", Sentences, withSubtitleTrack: true);
        var (user, session) = await SignInAsync();
        var id = await UploadAsync(session, clip.Path);
        await WaitForStatusAsync(session, id, "ready");
        return (user, session, id);
    }

    private async Task<int> SceneCountAsync(Guid videoId)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Scenes.CountAsync(s => s.VideoId == videoId);
    }

    [Fact]
    public async Task Upload_ShouldBecomeReady_WithScenesAtTheSpokenTimes_WhenTheClipHasASubtitleTrack()
    {
        var clip = await SpokenClip.MakeAsync("embedded", Sentences, withSubtitleTrack: true);
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var id = await UploadAsync(session, clip.Path);
        var video = await WaitForStatusAsync(session, id, "ready");

        Assert.Equal(100, video.GetProperty("progress").GetInt32());
        Assert.Equal("en", video.GetProperty("language").GetString());
        var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
        Assert.Equal("embedded", transcript.GetProperty("source").GetString());
        var segments = transcript.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(Sentences.Length, segments.Count);
        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(Sentences[i], segments[i].GetProperty("text").GetString());
            Assert.InRange(segments[i].GetProperty("startMs").GetInt64(), (long)(clip.Sentences[i].StartSeconds * 1000) - 20, (long)(clip.Sentences[i].StartSeconds * 1000) + 20);
            Assert.InRange(segments[i].GetProperty("endMs").GetInt64(), (long)(clip.Sentences[i].EndSeconds * 1000) - 20, (long)(clip.Sentences[i].EndSeconds * 1000) + 20);
        }
        var scenes = transcript.GetProperty("scenes").EnumerateArray().ToList();
        Assert.NotEmpty(scenes);
        Assert.Equal(segments[0].GetProperty("startMs").GetInt64(), scenes[0].GetProperty("startMs").GetInt64());
        Assert.Equal(segments[^1].GetProperty("endMs").GetInt64(), scenes[^1].GetProperty("endMs").GetInt64());
        Assert.Equal(string.Join(' ', Sentences), string.Join(' ', scenes.Select(s => s.GetProperty("text").GetString())));

        var thumbnail = await session.GetAsync($"/api/v1/videos/{id}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        var vtt = await session.GetAsync($"/api/v1/videos/{id}/transcript?format=vtt");
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Sentences[2], await vtt.Content.ReadAsStringAsync());
        var srt = await session.GetAsync($"/api/v1/videos/{id}/transcript?format=srt");
        Assert.Equal("attachment", srt.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("00:00:0", await srt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_ShouldUseTheUploadedSubtitles_BeforeAnEmbeddedTrack()
    {
        var clip = await SpokenClip.MakeAsync("embedded", Sentences, withSubtitleTrack: true);
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        using var form = TestMedia.Upload(clip.Path);
        form.Add(new StringContent("1\n00:00:01,000 --> 00:00:04,000\nUploaded words win.\n"), "subtitles", "mine.srt");

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        await WaitForStatusAsync(session, id, "ready");

        var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
        Assert.Equal("subtitles", transcript.GetProperty("source").GetString());
        Assert.Equal("Uploaded words win.", Assert.Single(transcript.GetProperty("segments").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Upload_ShouldFailWithNoTranscriptSource_WhenThereAreNoSubtitlesAndNoSpeechRecognition()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var id = await UploadAsync(session, clip.Path);
        var video = await WaitForStatusAsync(session, id, "failed");

        Assert.Equal("no_transcript_source", video.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Upload subtitles", video.GetProperty("error").GetProperty("message").GetString());
        await using var scope = CreateScope();
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Type == "ProcessVideo");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task PutTranscript_ShouldReindexTheVideo_WithTheEditedLines()
    {
        var (user, session, id) = await ReadyVideoAsync();
        using var _ = session;
        var before = await SceneCountAsync(id);

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/videos/{id}/transcript")
        {
            Content = new StringContent("WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nA corrected first line.\n\n00:00:02.000 --> 00:00:05.000\nAnd a second one about comets.\n", Encoding.UTF8, "text/vtt"),
        };
        var response = await session.SendAsync(edit);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        await WaitForStatusAsync(session, id, "ready");
        var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
        Assert.Equal("edit", transcript.GetProperty("source").GetString());
        Assert.Equal(["A corrected first line.", "And a second one about comets."],
            transcript.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(1, await SceneCountAsync(id));
        Assert.True(before >= 1);
        Assert.Single(TestMedia.FilesOf(user.Id), f => Path.GetFileName(f).StartsWith("subtitles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutTranscript_ShouldAnswer400WithTheLine_WhenTheSubtitlesAreMalformed()
    {
        var (user, session, id) = await ReadyVideoAsync();
        using var _ = session;

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/videos/{id}/transcript")
        {
            Content = new StringContent("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards.\n", Encoding.UTF8, "text/vtt"),
        };
        var problem = await ProblemAssert.IsProblemAsync(await session.SendAsync(edit), 400, "validation_failed");

        Assert.Contains("Line 3", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal("ready", (await (await session.GetAsync($"/api/v1/videos/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reprocess_ShouldReplaceTheScenes_WithoutDuplicates()
    {
        var (user, session, id) = await ReadyVideoAsync();
        using var _ = session;
        var before = await SceneCountAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/videos/{id}/reprocess")).StatusCode);
        await WaitForStatusAsync(session, id, "ready");

        Assert.Equal(before, await SceneCountAsync(id));
        await using var scope = CreateScope();
        var segments = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TranscriptSegments.CountAsync(s => s.VideoId == id);
        Assert.Equal(Sentences.Length, segments);
    }

    [Fact]
    public async Task Upload_ShouldRefuseAPlaylistDisguisedAsAVideo_WithoutFetchingItsUrls()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();
        var playlist = Path.Combine(TestEnvironment.StackDir, "fixtures", "playlist.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(playlist)!);
        await File.WriteAllTextAsync(playlist, $"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:{port}/segment.ts\n#EXT-X-ENDLIST\n");
        var concat = Path.Combine(TestEnvironment.StackDir, "fixtures", "concat.mov");
        await File.WriteAllTextAsync(concat, $"ffconcat version 1.0\nfile 'http://127.0.0.1:{port}/a.mp4'\n");
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        foreach (var file in new[] { playlist, concat })
        {
            using var form = TestMedia.Upload(file);
            var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
            await ProblemAssert.IsProblemAsync(response, 422, "unsupported_media");
        }

        await Task.WhenAny(accepted, Task.Delay(500));
        Assert.False(accepted.IsCompleted, "the server made an outbound request for a URL inside an upload");
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    private async Task SetOpenAiKeyAsync(Guid userId, string key)
    {
        var protector = Fixture.Services.GetRequiredService<ISecretProtector>();
        await Fixture.SetUserAsync(userId, u => u.SetOpenAiKey(protector.Protect(key, SecretContext.UserAiKey(userId)), key[^4..], DateTimeOffset.UtcNow));
    }

    private async Task<Job> ProcessJobAsync()
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Type == "ProcessVideo");
    }

    [Fact]
    public async Task Upload_ShouldBeTranscribedInChunks_WhenTheOwnerHasAnOpenAiKey()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (_, session) = await SignInAsync(FakeOpenAi.ValidKey);
        using var __ = session;
        Fixture.OpenAi.Reset();

        var id = await UploadAsync(session, clip.Path);
        await WaitForStatusAsync(session, id, "ready");

        var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
        Assert.Equal("asr", transcript.GetProperty("source").GetString());
        var starts = transcript.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("startMs").GetInt64() / 1000.0).ToList();
        foreach (var sentence in clip.Sentences)
            Assert.Contains(starts, start => Math.Abs(start - sentence.StartSeconds) < 0.4);
        Assert.True(Fixture.OpenAi.TranscriptionAudioSeconds.Count >= 3, "the audio was sent in several chunks");
        Assert.All(Fixture.OpenAi.TranscriptionAudioSeconds, seconds => Assert.True(seconds <= 7.5, $"a chunk of {seconds} s exceeds the configured length"));
        Assert.Equal(1, (await ProcessJobAsync()).Attempts);
    }

    [Fact]
    public async Task Upload_ShouldFailWithoutRetries_WhenTheProviderRejectsTheKey()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (_, session) = await SignInAsync("sk-test-no-longer-valid-0000");
        using var __ = session;

        var id = await UploadAsync(session, clip.Path);
        var video = await WaitForStatusAsync(session, id, "failed");

        Assert.Equal("invalid_openai_key", video.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Settings", video.GetProperty("error").GetProperty("message").GetString());
        var job = await ProcessJobAsync();
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.True(job.Attempts == 1, $"expected one attempt, got {job.Attempts}: {job.LastError}");
    }

    [Fact]
    public async Task TransientProviderErrors_ShouldBeRetried_UntilTheVideoIsReady()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (_, session) = await SignInAsync(FakeOpenAi.ValidKey);
        using var __ = session;
        Fixture.OpenAi.Reset();
        // Every chunk request of the first run (3 run at once, each tried twice) fails: the run fails as a whole, and a
        // later run of the job succeeds once the provider recovers.
        Fixture.OpenAi.FailNextTranscriptions(6);

        var id = await UploadAsync(session, clip.Path);
        await WaitForStatusAsync(session, id, "ready");

        var job = await ProcessJobAsync();
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.InRange(job.Attempts, 2, 3);
        // The earlier attempts' "Speech recognition failed" is not the outcome of the run that succeeded.
        Assert.Null(job.LastError);
    }

    [Fact]
    public async Task AChunkThatKeepsFailing_ShouldFailTheVideo_OnTheLastAttempt_WithNoPartialTranscript()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (_, session) = await SignInAsync(FakeOpenAi.ValidKey);
        using var __ = session;
        Fixture.OpenAi.FailNextTranscriptions(10_000);
        try
        {
            var id = await UploadAsync(session, clip.Path);
            var video = await WaitForStatusAsync(session, id, "failed", TimeSpan.FromSeconds(120));

            Assert.Equal("transcription_failed", video.GetProperty("error").GetProperty("code").GetString());
            var job = await ProcessJobAsync();
            Assert.Equal(JobStatus.Dead, job.Status);
            Assert.Equal(job.MaxAttempts, job.Attempts);
            var transcript = await (await session.GetAsync($"/api/v1/videos/{id}/transcript")).ReadJsonAsync();
            Assert.Empty(transcript.GetProperty("segments").EnumerateArray());
            Assert.Empty(transcript.GetProperty("scenes").EnumerateArray());
        }
        finally
        {
            Fixture.OpenAi.Reset();
        }
    }

    [Fact]
    public async Task UpdateVideo_ShouldSucceed_WhileThePipelineSavesProgressOnTheSameRow()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (_, session) = await SignInAsync(FakeOpenAi.ValidKey);
        using var __ = session;
        var id = await UploadAsync(session, clip.Path);

        // Speech recognition in several chunks saves progress again and again while these edits arrive.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await session.PatchAsync($"/api/v1/videos/{id}", new { title = $"Renamed {i}", description = $"Edit {i}" })).StatusCode);
            await Task.Delay(40);
        }
        var video = await WaitForStatusAsync(session, id, "ready");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal("Renamed 24", video.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeleteVideo_ShouldSucceed_WhileThePipelineSavesProgressOnTheSameRow()
    {
        var clip = await SpokenClip.MakeAsync("plain", Sentences, withSubtitleTrack: false);
        var (user, session) = await SignInAsync(FakeOpenAi.ValidKey);
        using var __ = session;
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var id = await UploadAsync(session, clip.Path);
            await Task.Delay(150 + 150 * i); // somewhere in the middle of speech recognition and its progress writes
            statuses.Add((await session.DeleteAsync($"/api/v1/videos/{id}")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        await using var scope = CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Videos.AnyAsync(v => v.OwnerId == user.Id));
    }
}
