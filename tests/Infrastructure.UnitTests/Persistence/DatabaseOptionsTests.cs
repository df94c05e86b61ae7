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

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("Host=replica;Database=askvideo;Username=reader;Password=x", true)]
    [InlineData("postgres://reader:x@replica/askvideo", false)]
    [InlineData("Host=replica;Colour=blue", false)]
    [InlineData("Database=askvideo", false)]
    public void Validate_ShouldAcceptOnlyAnNpgsqlConnectionString_ForTheReplica(string? replica, bool valid)
    {
        var options = new DatabaseOptions { ConnectionString = "Host=primary", ReadOnlyConnectionString = replica };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.All(results, r => Assert.DoesNotContain("reader:x", r.ErrorMessage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Validate_ShouldBoundTheReadYourWritesWindow(int seconds, bool valid)
    {
        var options = new DatabaseOptions { ConnectionString = "Host=primary", ReadYourWritesSeconds = seconds };
        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), [], validateAllProperties: true));
    }
}
