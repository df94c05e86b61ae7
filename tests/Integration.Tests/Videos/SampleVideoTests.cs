using System.Net;
using AskVideo.Infrastructure.Media;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.Videos;

public class SampleVideoTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Sample_ShouldBeGeneratedLocally_WithSpeechAndASubtitleTrack()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync("/api/v1/videos/sample");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var video = await response.ReadJsonAsync();
        Assert.True(video.GetProperty("hasSubtitles").GetBoolean());
        Assert.Equal("en", video.GetProperty("language").GetString());
        Assert.Equal("queued", video.GetProperty("status").GetString());
        Assert.Equal(["sample"], video.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.InRange(video.GetProperty("durationSeconds").GetDouble(), 15, 90);

        var files = TestMedia.FilesOf(user.Id).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["original.mp4", "subtitles.vtt"], files);
        var vtt = await File.ReadAllTextAsync(TestMedia.FilesOf(user.Id).Single(f => f.EndsWith(".vtt", StringComparison.Ordinal)));
        Assert.StartsWith("WEBVTT", vtt);
        Assert.Equal(SampleClipGenerator.Script.Length, vtt.Split("-->").Length - 1);
        Assert.Contains("share a group of videos", vtt);

        var probe = new FfprobeMediaProbe(new FfmpegRunner(Options.Create(new MediaOptions())), Options.Create(new MediaOptions()), NullLogger<FfprobeMediaProbe>.Instance);
        var facts = await probe.ProbeAsync(TestMedia.FilesOf(user.Id).Single(f => f.EndsWith(".mp4", StringComparison.Ordinal)), CancellationToken.None);
        Assert.True(facts.HasAudio);
        Assert.Equal("mov_text", Assert.Single(facts.SubtitleStreams).CodecName);

        var second = await session.PostAsync("/api/v1/videos/sample"); // cached clip, a second copy
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }
}
