using System.ComponentModel.DataAnnotations;
using AskVideo.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.UnitTests.Media;

public sealed class FfmpegRunnerTests
{
    /// <summary>A stand-in for ffmpeg/ffprobe that notes when each run starts and ends, and takes a while.</summary>
    private static string FakeTool(string directory, string log)
    {
        var tool = Path.Combine(directory, "fake-ffmpeg");
        File.WriteAllText(tool, $"#!/bin/sh\necho start >> '{log}'\nsleep 0.3\necho end >> '{log}'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return tool;
    }

    private static int MostAtOnce(IEnumerable<string> events)
    {
        int running = 0, most = 0;
        foreach (var e in events)
        {
            running += e == "start" ? 1 : -1;
            most = Math.Max(most, running);
        }
        return most;
    }

    [Fact]
    public async Task Runs_ShouldNeverExceedMaxConcurrentProcesses_WhenManyAreRequestedAtOnce()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("ffmpeg-gate-");
        try
        {
            var log = Path.Combine(directory.FullName, "runs.log");
            var tool = FakeTool(directory.FullName, log);
            using var runner = new FfmpegRunner(Options.Create(new MediaOptions { FfmpegPath = tool, FfprobePath = tool, MaxConcurrentProcesses = 2 }));

            // Act: six transcodes and probes at once
            var runs = Enumerable.Range(0, 6).Select(i => i % 2 == 0
                ? runner.TranscodeAsync([], "in.mp4", ["out.mp4"], TimeSpan.FromSeconds(30), CancellationToken.None)
                : runner.ProbeAsync([], "in.mp4", TimeSpan.FromSeconds(30), CancellationToken.None));
            var results = await Task.WhenAll(runs);

            // Assert
            Assert.All(results, r => Assert.Equal(0, r.ExitCode));
            var events = await File.ReadAllLinesAsync(log);
            Assert.Equal(12, events.Length);
            Assert.Equal(2, MostAtOnce(events));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void MaxConcurrentProcesses_ShouldBeValidated_Between1And64(int value, bool valid)
    {
        // Arrange
        var options = new MediaOptions { MaxConcurrentProcesses = value };

        // Act
        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        // Assert
        Assert.Equal(valid, ok);
    }
}
