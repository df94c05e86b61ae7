using AskVideo.Application.Videos.Processing;

namespace AskVideo.Application.UnitTests.Videos;

public class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \t\n", 0)]
    [InlineData("cat", 1)]
    [InlineData("cats", 1)]
    [InlineData("kitten", 2)]
    [InlineData("The cat sat on the mat", 6)]
    [InlineData("internationalization", 5)]
    [InlineData("don't", 2)]
    [InlineData("state-of-the-art", 5)]
    [InlineData("C++ and $100", 3)]
    public void Count_ShouldCountWordsByLength_WhenTheTextIsEnglish(string text, int expected) =>
        Assert.Equal(expected, TokenEstimator.Count(text));

    [Theory]
    [InlineData("日本語", 3)]
    [InlineData("ひらがなカタカナ", 8)]
    [InlineData("今日は、いい天気ですね。", 10)]
    [InlineData("ｶﾀｶﾅ", 4)]
    [InlineData("한국어 텍스트", 6)]
    [InlineData("中文々", 3)]
    public void Count_ShouldCountEachCharacter_WhenTheTextIsCjk(string text, int expected) =>
        Assert.Equal(expected, TokenEstimator.Count(text));

    [Theory]
    [InlineData("GPUで計算する", 6)]
    [InlineData("AskVideoは便利", 5)]
    [InlineData("Tokyo（東京）is big", 6)]
    [InlineData("𠀋 is an extension-B ideograph", 10)]
    public void Count_ShouldCombineBothRules_WhenTheTextIsMixed(string text, int expected) =>
        Assert.Equal(expected, TokenEstimator.Count(text));

    [Theory]
    [InlineData("...")]
    [InlineData("!?,;:—–-\"'()[]{}")]
    [InlineData("、。・「」『』！？")]
    [InlineData("« » ¿ ¡ … ‘ ’ “ ”")]
    public void Count_ShouldBeZero_WhenTheTextIsOnlyPunctuation(string text) =>
        Assert.Equal(0, TokenEstimator.Count(text));

    [Fact]
    public void Count_ShouldIgnorePunctuationAroundWords_WhenItIsAttached()
    {
        // Act
        var withPunctuation = TokenEstimator.Count("\"Hello,\" she said... (quietly)!");
        var without = TokenEstimator.Count("Hello she said quietly");

        // Assert
        Assert.Equal(without, withPunctuation);
    }

    [Fact]
    public void Scan_ShouldReportSegmentsThatAddUpToTheCount_WhenGivenAnyText()
    {
        // Arrange
        var random = new Random(3);
        const string alphabet = "ab cd,.!日本語カナ한 \t-'𠀋";
        for (var run = 0; run < 200; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var segments = new List<TokenSegment>();

            // Act
            var count = TokenEstimator.Scan(text, segments);

            // Assert
            Assert.Equal(TokenEstimator.Count(text), count);
            Assert.Equal(count, segments.Sum(s => s.Tokens));
            Assert.All(segments, s => Assert.Equal(s.Tokens, TokenEstimator.Count(text[s.Start..s.End])));
        }
    }
}
