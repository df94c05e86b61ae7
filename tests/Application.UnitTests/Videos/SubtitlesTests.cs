using AskVideo.Application.Videos.Transcripts;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.UnitTests.Videos;

public class SubtitlesTests
{
    private const string RealisticSrt = """
        1
        00:00:01,000 --> 00:00:04,250
        <i>Welcome back</i> to the
        <b>channel</b>.

        2
        00:00:05.500 --> 00:00:07,000 X1:100 X2:200 Y1:10 Y2:20
        {\an8}Fish & chips &amp; peas &lt;3

        3
        00:00:08,000 --> 00:00:09,000
        <font color="#ffff00">Today&nbsp;we</font> cook.

        4
        00:00:09,500 --> 00:00:10,000


        5
        01:02:03,004 --> 01:02:04,000
        Much later.
        """;

    private const string RealisticVtt = """
        WEBVTT - a lecture
        Kind: captions
        Language: en

        STYLE
        ::cue { color: yellow; }

        REGION
        id:fred width:40%

        NOTE this is a comment
        that spans two lines

        intro
        00:01.000 --> 00:04.250 align:start position:10%
        <v Roger Bingham>We are in New York City
        <c.loud>right</c> now.

        00:00:05.000 --> 00:00:06.000
        <00:00:05.200>Karaoke <00:00:05.500>style &gt; plain

        3
        00:00:07.000 --> 00:00:07.500
        <i></i>

        1:00:00.000 --> 1:00:01.000 line:0
        An hour in.
        """;

    [Fact]
    public void ParseSrt_ShouldReadEveryFeature_WhenGivenARealisticFile()
    {
        // Act
        var lines = Subtitles.ParseSrt(RealisticSrt);

        // Assert
        Assert.Equal(
            [
                new TranscriptLine(1000, 4250, "Welcome back to the channel."),
                new TranscriptLine(5500, 7000, "Fish & chips & peas <3"),
                new TranscriptLine(8000, 9000, "Today we cook."),
                new TranscriptLine(3_723_004, 3_724_000, "Much later."),
            ],
            lines);
    }

    [Fact]
    public void ParseVtt_ShouldReadCuesAndSkipMetadata_WhenGivenARealisticFile()
    {
        // Act
        var lines = Subtitles.ParseVtt(RealisticVtt);

        // Assert
        Assert.Equal(
            [
                new TranscriptLine(1000, 4250, "We are in New York City right now."),
                new TranscriptLine(5000, 6000, "Karaoke style > plain"),
                new TranscriptLine(3_600_000, 3_601_000, "An hour in."),
            ],
            lines);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Parse_ShouldDetectTheFormat_WhenLineEndingsVaryAndABomIsPresent(string newline)
    {
        // Arrange
        var srt = "\uFEFF" + RealisticSrt.Replace("\n", newline, StringComparison.Ordinal);
        var vtt = "\uFEFF" + RealisticVtt.Replace("\n", newline, StringComparison.Ordinal);

        // Act
        var fromSrt = Subtitles.Parse(srt);
        var fromVtt = Subtitles.Parse(vtt);

        // Assert
        Assert.Equal(Subtitles.ParseSrt(RealisticSrt), fromSrt);
        Assert.Equal(Subtitles.ParseVtt(RealisticVtt), fromVtt);
    }

    [Fact]
    public void ParseSrt_ShouldAcceptCuesWithoutCounters_WhenTheNumbersAreMissing()
    {
        // Arrange
        var srt = "00:00:02,000 --> 00:00:03,000\nSecond\n\n00:00:00,000 --> 00:00:01,000\nFirst\n";

        // Act
        var lines = Subtitles.ParseSrt(srt);

        // Assert: returned in time order
        Assert.Equal([new TranscriptLine(0, 1000, "First"), new TranscriptLine(2000, 3000, "Second")], lines);
    }

    [Fact]
    public void ParseSrt_ShouldKeepOrphanedText_WhenACueHasABlankLineInside()
    {
        // Arrange
        var srt = "1\n00:00:00,000 --> 00:00:01,000\nFirst part\n\nsecond part\n\n2\n00:00:02,000 --> 00:00:03,000\nNext\n";

        // Act
        var lines = Subtitles.ParseSrt(srt);

        // Assert
        Assert.Equal([new TranscriptLine(0, 1000, "First part second part"), new TranscriptLine(2000, 3000, "Next")], lines);
    }

    [Fact]
    public void Parse_ShouldStartANewCue_WhenATimingLineFollowsTextWithoutABlankLine()
    {
        // Arrange
        var srt = "1\n00:00:00,000 --> 00:00:01,000\nOne\n2\n00:00:01,000 --> 00:00:02,000\nTwo\n00:00:02,000 --> 00:00:03,000\n3 4\n";
        var vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n00:01.000 --> 00:02.000\nTwo\n";

        // Act
        var fromSrt = Subtitles.Parse(srt);
        var fromVtt = Subtitles.Parse(vtt);

        // Assert
        Assert.Equal([new TranscriptLine(0, 1000, "One"), new TranscriptLine(1000, 2000, "Two"), new TranscriptLine(2000, 3000, "3 4")], fromSrt);
        Assert.Equal([new TranscriptLine(0, 1000, "One"), new TranscriptLine(1000, 2000, "Two")], fromVtt);
    }

    [Fact]
    public void ParseVtt_ShouldAcceptACueRightAfterTheHeader_WhenTheBlankLineIsMissing()
    {
        // Act
        var lines = Subtitles.ParseVtt("WEBVTT\n00:00.000 --> 00:01.000\nHi\n");

        // Assert
        Assert.Equal([new TranscriptLine(0, 1000, "Hi")], lines);
    }

    [Fact]
    public void Parse_ShouldReadMillisecondFractions_WhenTheyHaveFewerThanThreeDigits()
    {
        // Act
        var lines = Subtitles.ParseSrt("0:00:01,5 --> 0:00:02,25\nHi\n");

        // Assert
        Assert.Equal([new TranscriptLine(1500, 2250, "Hi")], lines);
    }

    [Theory]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\nok\n\n3\n00:00:05,000 --> x\nbad\n", 10, "'00:00:05,000 --> x' is not a valid time range")]
    [InlineData("1\n00:00:05,000 --> 00:00:04,000\nbackwards\n", 2, "ends (00:00:04.000) before it starts (00:00:05.000)")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:aa,000 --> 00:00:04,000\nbad\n", 6, "not a valid time range")]
    [InlineData("1\n00:61:01,000 --> 00:62:02,000\nbad minutes\n", 2, "not a valid time range")]
    [InlineData("1\n00:01,000 --> 00:02,000\nno hours in SRT\n", 2, "not a valid time range")]
    [InlineData("1\n00:00:01,000 - 00:00:02,000\nno arrow\n", 2, "not a valid time range")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\ntext\n00:00:03,000 --> soon\n", 4, "'00:00:03,000 --> soon' is not a valid time range")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n", 5, "cue number '2' is not followed by a time range")]
    [InlineData("Dear diary,\ntoday I wrote no subtitles.\n", 1, "neither an SRT nor a WebVTT cue")]
    [InlineData("\n\n{\"json\": true}\n", 3, "neither an SRT nor a WebVTT cue")]
    public void ParseSrt_ShouldNameTheLine_WhenTheInputIsMalformed(string srt, int line, string problem)
    {
        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.Parse(srt));

        // Assert
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nNOTE fine\n\n00:03.000 --> 00:0x.000\nbad\n", 8, "not a valid time range")]
    [InlineData("WEBVTT\n\nan identifier alone\n", 3, "is not a cue")]
    [InlineData("WEBVTT\n\nid\nnot a timing line\ntext\n", 4, "not a valid time range")]
    [InlineData("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nbackwards\n", 3, "before it starts")]
    public void ParseVtt_ShouldNameTheLine_WhenTheInputIsMalformed(string vtt, int line, string problem)
    {
        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.Parse(vtt));

        // Assert
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseVtt_ShouldRejectTheFile_WhenTheHeaderIsMissing()
    {
        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.ParseVtt("\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhi\n"));

        // Assert
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("WEBVTT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("  \r\n\r\n")]
    [InlineData("WEBVTT\n\nNOTE only a note\n")]
    [InlineData("WEBVTT\n")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\n<i> </i>\n")]
    public void Parse_ShouldSayThereAreNoCues_WhenNothingIsSpoken(string text)
    {
        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.Parse(text));

        // Assert
        Assert.Equal("The file contains no subtitle cues.", error.Message);
    }

    [Fact]
    public void Parse_ShouldRefuse_WhenTheTextIsLargerThanTenMegabytes()
    {
        // Arrange
        var text = "WEBVTT\n\n" + new string('a', Subtitles.MaxTextLength);

        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.Parse(text));

        // Assert
        Assert.Contains("10 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShouldRefuse_WhenThereAreMoreThanTheMaximumNumberOfCues()
    {
        // Arrange
        var lines = Enumerable.Range(0, Subtitles.MaxCues + 1).Select(i => new TranscriptLine(i * 10L, (i * 10L) + 5, "x")).ToList();
        var vtt = Subtitles.ToVtt(lines);

        // Act
        var error = Assert.Throws<SubtitleFormatException>(() => Subtitles.Parse(vtt));

        // Assert: the header, then three lines per cue; the extra cue's timing line is named
        Assert.Equal(3 + (3 * Subtitles.MaxCues), error.LineNumber);
        Assert.Contains("100,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToVtt_ShouldWriteTheHeaderAndCues_WhenGivenLines()
    {
        // Arrange
        TranscriptLine[] lines = [new(1500, 4000, "Hello"), new(3_723_004, 3_724_000, "Bye")];

        // Act
        var vtt = Subtitles.ToVtt(lines);

        // Assert
        Assert.Equal("WEBVTT\n\n00:00:01.500 --> 00:00:04.000\nHello\n\n01:02:03.004 --> 01:02:04.000\nBye\n", vtt);
    }

    [Fact]
    public void ToSrt_ShouldWriteNumberedCues_WhenGivenLines()
    {
        // Arrange
        TranscriptLine[] lines = [new(1500, 4000, "Hello"), new(3_723_004, 3_724_000, "Bye")];

        // Act
        var srt = Subtitles.ToSrt(lines);

        // Assert
        Assert.Equal("1\n00:00:01,500 --> 00:00:04,000\nHello\n\n2\n01:02:03,004 --> 01:02:04,000\nBye\n", srt);
    }

    [Fact]
    public void ToVtt_ShouldKeepTheFormatIntact_WhenTheTextHasArrowsOrNewlines()
    {
        // Arrange
        TranscriptLine[] lines = [new(0, 1000, "a --> b\n\n00:00:05.000 --> 00:00:06.000\r\nsneaky")];

        // Act
        var parsed = Subtitles.Parse(Subtitles.ToVtt(lines));

        // Assert
        Assert.Equal([new TranscriptLine(0, 1000, "a → b 00:00:05.000 → 00:00:06.000 sneaky")], parsed);
    }

    public static TheoryData<string> TrickyTexts() => new()
    {
        "Plain words.",
        "Fish & chips; AT&T &amp; co",
        "<i>not a tag</i> and x<3 and a < b > c",
        "{\\an8} is literal here",
        "12345",
        "WEBVTT",
        "NOTE this is spoken",
        "日本語のテキスト、です。",
        "&lt; &#65; &nbsp;",
        "-- > almost an arrow",
    };

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void Parse_ShouldRoundTrip_WhenWrittenAsVttOrSrt(string text)
    {
        // Arrange
        var lines = TranscriptLine.Normalize(
        [
            new TranscriptLine(0, 1200, "Before."),
            new TranscriptLine(1200, 2500, text),
            new TranscriptLine(3_599_999, 360_000_001, "After, past the hundredth hour."),
        ]);

        // Act
        var fromVtt = Subtitles.Parse(Subtitles.ToVtt(lines));
        var fromSrt = Subtitles.Parse(Subtitles.ToSrt(lines));

        // Assert
        Assert.Equal(lines, fromVtt);
        Assert.Equal(lines, fromSrt);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    public void Parse_ShouldRoundTrip_WhenGivenManyRandomLines(int seed)
    {
        // Arrange
        var random = new Random(seed);
        const string alphabet = "abc xyz <>&;#{}\\-→日本 ";
        var raw = Enumerable.Range(0, 500).Select(_ =>
        {
            var start = random.NextInt64(0, 10_000_000);
            var text = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            return new TranscriptLine(start, start + random.Next(0, 10_000), "w " + text);
        });
        var lines = TranscriptLine.Normalize(raw).Select(l => l with { Text = l.Text.Replace("-->", "→", StringComparison.Ordinal) }).ToList();

        // Act
        var fromVtt = Subtitles.Parse(Subtitles.ToVtt(lines));
        var fromSrt = Subtitles.Parse(Subtitles.ToSrt(lines));

        // Assert
        Assert.Equal(lines, fromVtt);
        Assert.Equal(lines, fromSrt);
    }
}
