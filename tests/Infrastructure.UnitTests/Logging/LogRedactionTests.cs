using AskVideo.Infrastructure.Logging;

namespace AskVideo.Infrastructure.UnitTests.Logging;

public class LogRedactionTests
{
    [Fact]
    public void Describe_ShouldGiveEachExceptionsTypeAndMessage_WithoutTheStackTrace()
    {
        var exception = Thrown(() => Rethrow(() => throw new IOException("disk\nfull")));

        var description = LogRedaction.Describe(exception);

        Assert.Contains("   at ", exception.ToString(), StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: Could not save ---> System.IO.IOException: disk full", description);
    }

    [Fact]
    public void Describe_ShouldListEveryInnerExceptionOfAnAggregate_AndScrubTheirMessages()
    {
        var aggregate = new AggregateException("Two failed", new TimeoutException("first"), new ArgumentException("Password=hunter2;Host=db"));

        var description = LogRedaction.Describe(aggregate);

        Assert.Equal("System.AggregateException: Two failed (first) (Password=***;Host=db) ---> System.TimeoutException: first ---> System.ArgumentException: Password=***;Host=db",
            description);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=postgres;Password=s3cret;Database=askvideo", "Host=127.0.0.1;Username=postgres;Password=***;Database=askvideo")]
    [InlineData("Host=db;Password='p a;ss';Database=askvideo", "Host=db;Password=***;Database=askvideo")]
    [InlineData("postgres://askvideo:s3cret@db:5432/askvideo", "postgres://***@db:5432/askvideo")]
    [InlineData("redis://default:s3cret@redis:6379", "redis://***@redis:6379")]
    [InlineData("Authorization: Bearer abc.def-ghi", "Authorization: Bearer ***")]
    [InlineData("key sk-live-abcdefghijkl rejected", "key sk-*** rejected")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here", "jwt *** here")]
    [InlineData("GET /api/v1/shared/9CgoplWbBh3GBR6xKE42zaSxf9COLRw50-V-EDOz8U0 - 500", "GET /api/v1/shared/*** - 500")]
    [InlineData("https://s3/v/a.mp4?X-Amz-Signature=abcdef&X-Amz-Date=1", "https://s3/v/a.mp4?X-Amz-Signature=***&X-Amz-Date=1")]
    [InlineData("{\"api_key\": \"abc123\"}", "{\"api_key\": \"***\"}")]
    [InlineData("verify at /verify-email?token=abc123", "verify at /verify-email?token=***")]
    public void Scrub_ShouldHideSecrets(string text, string expected) => Assert.Equal(expected, LogRedaction.Scrub(text));

    [Theory]
    [InlineData("Job ProcessVideo succeeded in 812 ms")]
    [InlineData("at most 5 slots; retrying at 12:00 (in 3 s)")]
    [InlineData("Executing endpoint 'HTTP: GET /api/v1/shared/{shareToken}/ => GetGroupAsync'")]
    [InlineData("")]
    public void Scrub_ShouldReturnCleanTextAsItIs(string text) => Assert.Same(text, LogRedaction.Scrub(text));

    [Fact]
    public void Scrub_ShouldDropStackFrames_ButKeepTheTextAroundThem()
    {
        var text = "Outer failed\n   at A.B.C(Int32 x) in /src/A.cs:line 12\n   --- End of stack trace from previous location ---\n   at D.<E>d__1.MoveNext()\nafter";

        Assert.Equal("Outer failed\nafter", LogRedaction.Scrub(text));
    }

    [Fact]
    public void ScrubMessage_ShouldReplaceAnExceptionsFullTextInTheMessage_WithItsDescription()
    {
        // EF Core's QueryIterationFailed: "An exception occurred while iterating … {newline}{exception}".
        var exception = Thrown(() => throw new InvalidOperationException("relation \"videos\" does not exist"));
        var message = $"An exception occurred while iterating over the results of a query.{Environment.NewLine}{exception}";

        var scrubbed = LogRedaction.ScrubMessage(message, [new("newline", Environment.NewLine), new("exception", exception)]);

        Assert.Equal($"An exception occurred while iterating over the results of a query.{Environment.NewLine}System.InvalidOperationException: relation \"videos\" does not exist", scrubbed);
    }

    [Fact]
    public void HostExitsFatalLine_ShouldBeOneJsonLine_WithTheDescriptionOnly()
    {
        var exception = Thrown(() => Rethrow(() => throw new IOException("Password=hunter2")));

        var line = HostExit.FatalLine(exception, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.DoesNotContain('\n', line);
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("2026-01-02T03:04:05.000Z", json.RootElement.GetProperty("Timestamp").GetString());
        Assert.Equal("Critical", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("System.InvalidOperationException: Could not save ---> System.IO.IOException: Password=***", json.RootElement.GetProperty("Exception").GetString());
    }

    [Fact]
    public async Task HostExit_ShouldLetTheFailureThrough_WhenTheHostIsNotTheProcessEntryPoint()
    {
        // Hosted by a test (WebApplicationFactory runs Program's entry point inside the test host and learns of a failed
        // start only from the exception), the failure is not turned into an exit code.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostExit.RunAsync(() => throw new InvalidOperationException("cannot start")));

        Assert.Equal("cannot start", error.Message);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }
        throw new InvalidOperationException("nothing thrown");
    }

    private static void Rethrow(Action action)
    {
        try
        {
            action();
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException("Could not save", ex);
        }
    }
}
