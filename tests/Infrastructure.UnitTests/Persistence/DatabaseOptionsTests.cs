using AskVideo.Infrastructure.Persistence;

namespace AskVideo.Infrastructure.UnitTests.Persistence;

public class DatabaseOptionsTests
{
    [Theory]
    [InlineData("Host=db;Username=app", false)]
    [InlineData("Host=db;Max Auto Prepare=0", true)]
    [InlineData("Host=db;maxautoprepare=10", true)]
    [InlineData("Host=db;Auto Prepare Min Usages=2", false)]
    public void SetsMaxAutoPrepare_ShouldSeeTheSettingInAnySpelling(string connectionString, bool expected) =>
        Assert.Equal(expected, DatabaseOptions.SetsMaxAutoPrepare(connectionString));
}
