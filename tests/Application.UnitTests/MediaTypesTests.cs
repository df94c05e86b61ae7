using AskVideo.Application.Videos.Common;

namespace AskVideo.Application.UnitTests;

public class MediaTypesTests
{
    [Theory]
    [InlineData("Lecture.MP4", ".mp4")]
    [InlineData("clip.webm", ".webm")]
    [InlineData("../../etc/passwd", ".bin")]
    [InlineData("noextension", ".bin")]
    [InlineData("evil.mp4.exe", ".bin")]
    [InlineData(null, ".bin")]
    public void SafeExtension_ShouldOnlyKeepKnownMediaExtensions(string? name, string expected) =>
        Assert.Equal(expected, MediaTypes.SafeExtension(name));

    [Fact]
    public void ContentTypeFor_ShouldComeFromTheStoredExtension()
    {
        Assert.Equal("video/mp4", MediaTypes.ContentTypeFor(".mp4", hasVideo: true));
        Assert.Equal("audio/wav", MediaTypes.ContentTypeFor(".wav", hasVideo: false));
        Assert.Equal("audio/mpeg", MediaTypes.ContentTypeFor(".bin", hasVideo: false));
    }

    [Theory]
    [InlineData("subs.SRT", ".srt")]
    [InlineData("subs.vtt", ".vtt")]
    [InlineData("subs.txt", "")]
    public void SubtitleExtension_ShouldAcceptOnlySrtAndVtt(string name, string expected) =>
        Assert.Equal(expected, MediaTypes.SubtitleExtension(name));

    [Fact]
    public void StorageKeys_ShouldKeepEverythingOfAUserUnderOnePrefix()
    {
        var user = Guid.NewGuid();
        var video = Guid.NewGuid();

        Assert.StartsWith(StorageKeys.UserPrefix(user), StorageKeys.Original(user, video, ".mp4"));
        Assert.StartsWith(StorageKeys.VideoPrefix(user, video), StorageKeys.Thumbnail(user, video));
        Assert.DoesNotContain("..", StorageKeys.Subtitles(user, video, ".vtt"));
    }
}
