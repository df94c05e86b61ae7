using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Jobs.Ping;

namespace AskVideo.Application.UnitTests;

public class JobTypeRegistryTests
{
    [Fact]
    public void Registry_ShouldNameJobsWithoutTheJobSuffix_AndResolveThemBack()
    {
        var registry = JobTypeRegistry.FromAssembly(typeof(PingJob).Assembly);

        Assert.Equal("Ping", registry.NameOf(new PingJob(null)));
        Assert.Equal(typeof(PingJob), registry.TypeOf("Ping"));
        Assert.Null(registry.TypeOf("DoesNotExist"));
    }
}
