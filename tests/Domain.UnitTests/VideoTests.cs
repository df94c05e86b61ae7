using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;

namespace AskVideo.Domain.UnitTests;

public class VideoTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Video NewVideo() =>
        Video.Create(Guid.NewGuid(), Guid.NewGuid(), "  Intro  ", null, "intro.mp4", "video/mp4", 10, "k", null, Now);

    [Fact]
    public void Create_ShouldTrimTitleAndStartUploaded_WhenValid()
    {
        var video = NewVideo();

        Assert.Equal("Intro", video.Title);
        Assert.Equal(VideoStatus.Uploaded, video.Status);
        Assert.Equal(0, video.Progress);
    }

    [Fact]
    public void Create_ShouldThrow_WhenTitleIsBlank()
    {
        var ex = Assert.Throws<DomainException>(() => Video.Create(Guid.NewGuid(), Guid.NewGuid(), "   ", null, "a.mp4", "video/mp4", 1, "k", null, Now));
        Assert.Equal("invalid_title", ex.Code.Value);
    }

    [Fact]
    public void Pipeline_ShouldReachReady_WhenStepsRunInOrder()
    {
        var video = NewVideo();

        video.Enqueue(Now);
        video.StartStage(ProcessingStage.Transcribing, 5, Now);
        video.ReportProgress(40, Now);
        video.StartStage(ProcessingStage.Indexing, 80, Now);
        video.MarkReady(Now.AddMinutes(1));

        Assert.Equal(VideoStatus.Ready, video.Status);
        Assert.Equal(100, video.Progress);
        Assert.Null(video.Stage);
        Assert.Equal(Now.AddMinutes(1), video.ProcessedAt);
    }

    [Fact]
    public void MarkReady_ShouldThrow_WhenVideoWasNeverProcessed()
    {
        var video = NewVideo();

        var ex = Assert.Throws<DomainException>(() => video.MarkReady(Now));

        Assert.Equal("invalid_transition", ex.Code.Value);
        Assert.Equal(VideoStatus.Uploaded, video.Status);
    }

    [Fact]
    public void Enqueue_ShouldClearError_WhenReprocessingAFailedVideo()
    {
        var video = NewVideo();
        video.Enqueue(Now);
        video.MarkFailed(ErrorCode.UnsupportedMedia, "The file could not be decoded.", Now);

        video.Enqueue(Now);

        Assert.Equal(VideoStatus.Queued, video.Status);
        Assert.Null(video.ErrorCode);
        Assert.Null(video.ErrorMessage);
    }

    [Fact]
    public void Requeue_ShouldKeepTheVideoQueuedAndMarkItChanged_WhenItIsStuckInQueued()
    {
        var video = NewVideo();
        video.Enqueue(Now);
        var later = Now.AddMinutes(5);

        video.Requeue(later);

        Assert.Equal(VideoStatus.Queued, video.Status);
        Assert.Equal(0, video.Progress);
        Assert.Equal(later, video.UpdatedAt);
    }

    [Fact]
    public void Requeue_ShouldThrow_WhenTheVideoIsNotQueued()
    {
        var video = NewVideo();
        video.Enqueue(Now);
        video.StartStage(ProcessingStage.Transcribing, 10, Now);

        var error = Assert.Throws<DomainException>(() => video.Requeue(Now));

        Assert.Equal("invalid_transition", error.Code.Value);
    }

    [Fact]
    public void Enqueue_ShouldThrow_WhenAlreadyQueued()
    {
        var video = NewVideo();
        video.Enqueue(Now);

        Assert.Throws<DomainException>(() => video.Enqueue(Now));
    }

    [Fact]
    public void ReportProgress_ShouldNeverGoBackwardsOrReach100_WhileProcessing()
    {
        var video = NewVideo();
        video.Enqueue(Now);
        video.StartStage(ProcessingStage.Transcribing, 50, Now);

        video.ReportProgress(20, Now);
        Assert.Equal(50, video.Progress);
        video.ReportProgress(150, Now);
        Assert.Equal(99, video.Progress);
    }

    [Theory]
    [InlineData(VideoStatus.Uploaded, VideoStatus.Queued, true)]
    [InlineData(VideoStatus.Uploaded, VideoStatus.Ready, false)]
    [InlineData(VideoStatus.Queued, VideoStatus.Processing, true)]
    [InlineData(VideoStatus.Queued, VideoStatus.Ready, false)]
    [InlineData(VideoStatus.Processing, VideoStatus.Ready, true)]
    [InlineData(VideoStatus.Ready, VideoStatus.Queued, true)]
    [InlineData(VideoStatus.Ready, VideoStatus.Processing, false)]
    [InlineData(VideoStatus.Failed, VideoStatus.Queued, true)]
    [InlineData(VideoStatus.Failed, VideoStatus.Ready, false)]
    public void CanMove_ShouldFollowTheSpecifiedMachine(VideoStatus from, VideoStatus to, bool expected) =>
        Assert.Equal(expected, VideoStatusMachine.CanMove(from, to));

    [Fact]
    public void ReplaceTags_ShouldAddAndRemoveWithoutDuplicates()
    {
        var video = NewVideo();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();

        video.ReplaceTags([a, b, b]);
        Assert.Equal(new[] { a, b }.Order(), video.Tags.Select(t => t.TagId).Order());

        video.ReplaceTags([b, c]);
        Assert.Equal(new[] { b, c }.Order(), video.Tags.Select(t => t.TagId).Order());
    }
}
