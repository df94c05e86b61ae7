using AskVideo.Application.Accounts.Emails;
using AskVideo.Application.Accounts.Me;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Jobs.Ping;
using AskVideo.Application.Videos.Manage;
using AskVideo.Application.Videos.Processing;

namespace AskVideo.Application.UnitTests;

public class JobTypeRegistryTests
{
    public sealed record UnnamedJob : IBackgroundJob;

    [JobName("Ping")]
    public sealed record OtherPingJob : IBackgroundJob;

    [JobName("Renamed")]
    public sealed record SomeCompletelyDifferentRecordName : IBackgroundJob;

    [Fact]
    public void Registry_ShouldResolveJobsByTheirExplicitName_AndBack()
    {
        var registry = JobTypeRegistry.FromAssembly(typeof(PingJob).Assembly);

        Assert.Equal("Ping", registry.NameOf(new PingJob(null)));
        Assert.Equal(typeof(PingJob), registry.TypeOf("Ping"));
        Assert.Null(registry.TypeOf("DoesNotExist"));
    }

    [Fact]
    public void Read_ShouldReturnTheJobAPayloadWasWrittenFrom()
    {
        var registry = JobTypeRegistry.FromAssembly(typeof(PingJob).Assembly);
        var job = new ProcessVideoJob(Guid.NewGuid());

        Assert.Equal(job, registry.Read("ProcessVideo", JobTypeRegistry.Payload(job)));
        Assert.Equal(job, registry.TryRead("ProcessVideo", JobTypeRegistry.Payload(job)));
    }

    [Theory]
    [InlineData("DoesNotExist", "{}", "Unknown job type 'DoesNotExist'.")]
    [InlineData("ProcessVideo", "null", "The job payload is empty.")]
    [InlineData("ProcessVideo", "{not json", "The job payload is malformed.")]
    public void Read_ShouldSayWhyARowCannotBeRead(string type, string payload, string reason)
    {
        var registry = JobTypeRegistry.FromAssembly(typeof(PingJob).Assembly);

        Assert.Equal(reason, Assert.Throws<FormatException>(() => registry.Read(type, payload)).Message);
        Assert.Null(registry.TryRead(type, payload));
    }

    [Fact]
    public void Registry_ShouldKeepTheNamesStoredRowsAlreadyHave_WhenBuiltFromTheApplication()
    {
        var registry = JobTypeRegistry.FromAssembly(typeof(PingJob).Assembly);

        Assert.Equal(typeof(ProcessVideoJob), registry.TypeOf("ProcessVideo"));
        Assert.Equal(typeof(DeleteVideoFilesJob), registry.TypeOf("DeleteVideoFiles"));
        Assert.Equal(typeof(SendAccountEmailJob), registry.TypeOf("SendAccountEmail"));
        Assert.Equal(typeof(DeleteAccountJob), registry.TypeOf("DeleteAccount"));
        Assert.Equal(typeof(PingJob), registry.TypeOf("Ping"));
    }

    [Fact]
    public void NameOf_ShouldUseTheAttribute_WhenTheRecordNameDiffers()
    {
        var registry = JobTypeRegistry.FromTypes([typeof(SomeCompletelyDifferentRecordName)]);

        var name = registry.NameOf(new SomeCompletelyDifferentRecordName());

        Assert.Equal("Renamed", name);
    }

    [Fact]
    public void FromTypes_ShouldRefuseAJobType_WhenItHasNoName()
    {
        var act = () => JobTypeRegistry.FromTypes([typeof(PingJob), typeof(UnnamedJob)]);

        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.Contains(nameof(UnnamedJob), error.Message);
    }

    [Fact]
    public void FromTypes_ShouldRefuseTwoJobTypes_WhenTheyShareAName()
    {
        var act = () => JobTypeRegistry.FromTypes([typeof(PingJob), typeof(OtherPingJob)]);

        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.Contains("'Ping'", error.Message);
    }
}
