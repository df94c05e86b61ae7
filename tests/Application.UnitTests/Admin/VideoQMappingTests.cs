using System.Text.Json;
using System.Text.RegularExpressions;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Admin.Import;

namespace AskVideo.Application.UnitTests.Admin;

public class VideoQMappingTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("Alice.Smith-2", "Alice.Smith-2")]
    // Django allows '@', '+' and non-Latin letters; AskVideo does not.
    [InlineData("alice@example.com", "alice_example.com")]
    [InlineData("bob+test", "bob_test")]
    [InlineData("_under_", "under")]
    [InlineData("山田太郎", "user42")]
    [InlineData("ab", "user42")]
    [InlineData("a-very-long-django-username-that-goes-on-and-on", "a-very-long-django-username-that")]
    [InlineData("thirty-one-characters-long-name.", "thirty-one-characters-long-name")]
    public void Username_ShouldMakeANameAskVideoAccepts(string videoQName, string expected)
    {
        var name = VideoQMapping.Username(videoQName, 42);
        Assert.Equal(expected, name);
        Assert.Matches(new Regex(AccountRules.UsernamePattern), name);
    }

    [Fact]
    public void WithSuffix_ShouldStayWithinTheRules()
    {
        var name = VideoQMapping.WithSuffix(VideoQMapping.Username(new string('x', 40), 1), 12);
        Assert.Equal(new string('x', 29) + "-12", name);
        Assert.Matches(new Regex(AccountRules.UsernamePattern), name);
    }

    [Theory]
    [InlineData("00:01:02,500", 62_500)]
    [InlineData("00:01:02.500", 62_500)]
    [InlineData("1:02:03,004", 3_723_004)]
    [InlineData("01:02", 62_000)]
    [InlineData("12.5", 12_500)]
    [InlineData("", 0)]
    [InlineData("soon", 0)]
    public void Milliseconds_ShouldReadSubRipTimesAndSeconds(string value, long expected) =>
        Assert.Equal(expected, VideoQMapping.Milliseconds(value));

    [Fact]
    public void Citations_ShouldMapVideosTimesAndPassages()
    {
        var video = Guid.NewGuid();
        var json = VideoQMapping.Citations(
            """[{"video_id": 7, "title": "Talk", "start_time": "00:00:05,000", "end_time": "00:00:09,250"}, {"video_id": "8", "title": "Gone", "start_time": "x", "end_time": ""}]""",
            """["first passage", "second passage"]""",
            new Dictionary<long, Guid> { [7] = video });

        var citations = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, citations.GetArrayLength());
        Assert.Equal((1, video, "Talk", 5000L, 9250L, "first passage"), (citations[0].GetProperty("n").GetInt32(), citations[0].GetProperty("videoId").GetGuid(),
            citations[0].GetProperty("title").GetString(), citations[0].GetProperty("startMs").GetInt64(), citations[0].GetProperty("endMs").GetInt64(),
            citations[0].GetProperty("text").GetString()));
        // A video that was not imported: the citation keeps its title, with no video to open.
        Assert.Equal((2, Guid.Empty, "Gone", "second passage"), (citations[1].GetProperty("n").GetInt32(), citations[1].GetProperty("videoId").GetGuid(),
            citations[1].GetProperty("title").GetString(), citations[1].GetProperty("text").GetString()));
        Assert.Equal(Guid.Empty, citations[0].GetProperty("sceneId").GetGuid());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"video_id\": 1}")]
    [InlineData("[]")]
    public void Citations_ShouldBeEmpty_ForAnythingButAList(string json) =>
        Assert.Equal("[]", VideoQMapping.Citations(json, null, new Dictionary<long, Guid>()));
}
