using AskVideo.Infrastructure.Queue;

namespace AskVideo.Infrastructure.UnitTests.Queue;

public class BackoffTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    [InlineData(30, 10_000)]
    public void Delay_ShouldBeEqualJitter_BetweenHalfAndAllOfTheCappedExponentialDelay(int attempt, double cappedMs)
    {
        var delays = Enumerable.Range(0, 2_000)
            .Select(_ => Backoff.Delay(attempt, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)).TotalMilliseconds)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, cappedMs / 2, cappedMs));
        // Spread over the whole upper half, not bunched: both quarters of the range are hit.
        Assert.Contains(delays, d => d < cappedMs * 0.6);
        Assert.Contains(delays, d => d > cappedMs * 0.9);
    }
}
