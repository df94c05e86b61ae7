using AskVideo.Application.Chat.Common;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.UnitTests.Chat;

public class MomentFinderTests
{
    private static readonly TranscriptLine[] Lines =
    [
        new(60_000, 64_000, "Welcome back to the workshop."),
        new(64_000, 70_000, "Today we talk about the old steel bridge."),
        new(70_000, 76_000, "The engineers measured every beam and found a long crack."),
        new(76_000, 80_000, "Next week: the harbour."),
    ];

    [Fact]
    public void BestStart_ShouldPointAtTheLineThatAnswers_WhenTheQuestionSharesItsWords()
    {
        var start = MomentFinder.BestStart("What did the engineers find when they measured the beams?", 60_000, Lines);

        Assert.Equal(70_000, start);
    }

    [Fact]
    public void BestStart_ShouldKeepTheSceneStart_WhenNoWordIsShared()
    {
        Assert.Equal(60_000, MomentFinder.BestStart("Why is the sky blue?", 60_000, Lines));
        Assert.Equal(60_000, MomentFinder.BestStart("What?", 60_000, Lines));
        Assert.Equal(60_000, MomentFinder.BestStart("engineers", 60_000, []));
    }

    [Fact]
    public void BestStart_ShouldMatchJapanese_ByCharacterPairs()
    {
        TranscriptLine[] lines = [new(0, 3000, "今日は橋の話をします。"), new(3000, 6000, "技術者がひびを見つけました。")];

        Assert.Equal(3000, MomentFinder.BestStart("技術者は何を見つけましたか", 0, lines));
    }
}
