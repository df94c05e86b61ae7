using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Videos;

namespace AskVideo.Domain.UnitTests;

public class GroupAndTagTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddVideo_ShouldAppendInOrder_AndSkipDuplicates()
    {
        var group = VideoGroup.Create(Guid.NewGuid(), "Lectures", null, Now);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        Assert.True(group.AddVideo(a, Now));
        Assert.True(group.AddVideo(b, Now));
        Assert.False(group.AddVideo(a, Now));

        Assert.Equal([a, b], group.Members.OrderBy(m => m.Position).Select(m => m.VideoId));
    }

    [Theory]
    [InlineData("#A1b2C3", true)]
    [InlineData("red", false)]
    [InlineData("#12345", false)]
    public void IsValidColor_ShouldAcceptOnlyHexColors(string color, bool expected) =>
        Assert.Equal(expected, Tag.IsValidColor(color));

    [Fact]
    public void Tag_ShouldLowercaseColorAndNormalizeName()
    {
        var tag = Tag.Create(Guid.NewGuid(), " Math ", "#ABCDEF", Now);
        Assert.Equal("Math", tag.Name);
        Assert.Equal("math", tag.NormalizedName);
        Assert.Equal("#abcdef", tag.Color);
        Assert.Throws<DomainException>(() => tag.Rename(new string('x', 51)));
    }

    [Fact]
    public void Job_ShouldOnlyBeRetried_WhenDeadOrFailed()
    {
        var job = Job.Create("Ping", "{}", Now);
        Assert.Throws<DomainException>(() => job.Retry(Now));
        Assert.Equal(JobStatus.Pending, job.Status);
    }
}
