using System.Diagnostics;
using System.Globalization;
using System.Text;
using AskVideo.Infrastructure.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AskVideo.Infrastructure.UnitTests.AI;

/// <summary>A fact that runs only when ASKVIDEO_BENCH=1 (bench/embeddings/run.sh sets it), so normal test runs stay fast.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ASKVIDEO_BENCH") != "1") Skip = "A benchmark: run bench/embeddings/run.sh (ASKVIDEO_BENCH=1).";
    }
}

/// <summary>Cold load time and throughput of the local MiniLM embedder on this machine.</summary>
public sealed class LocalEmbedderBenchmark(ITestOutputHelper output)
{
    private static readonly string[] Vocabulary =
        ("river valley farmer market bridge engineer concert orchestra budget committee village bread morning evening " +
         "station train weather storm harvest school teacher student library museum painting garden kitchen recipe " +
         "doctor hospital patient medicine software server database network customer invoice meeting project deadline").Split(' ');

    [BenchmarkFact]
    public async Task LocalEmbedder_ShouldReportLoadTimeAndThroughput_WhenBenchmarked()
    {
        // Arrange
        var random = new Random(42);
        var sentences = Enumerable.Range(0, 512).Select(_ => Text(random, 20)).ToArray();
        var scenes = Enumerable.Range(0, 48).Select(_ => Text(random, 400)).ToArray();
        using var embedder = new LocalEmbedder(NullLogger<LocalEmbedder>.Instance);

        // Act
        var load = Stopwatch.StartNew();
        embedder.Warm();
        load.Stop();
        await embedder.EmbedAsync(sentences[..32], null, CancellationToken.None); // JIT and allocator warm-up
        var shortRun = Stopwatch.StartNew();
        await embedder.EmbedAsync(sentences, null, CancellationToken.None);
        shortRun.Stop();
        var sceneRun = Stopwatch.StartNew();
        await embedder.EmbedAsync(scenes, null, CancellationToken.None);
        sceneRun.Stop();

        // Assert + report
        var report = new StringBuilder()
            .AppendLine("## Local embeddings (all-MiniLM-L6-v2, ONNX Runtime, CPU)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; `./bench/embeddings/run.sh`.")
            .AppendLine()
            .AppendLine("| Measure | Result |")
            .AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| cold model load (resources → ONNX session) | {load.Elapsed.TotalMilliseconds:0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| ~20-word sentences ({sentences.Length}, batches of 32) | {sentences.Length / shortRun.Elapsed.TotalSeconds:0} sentences/s |")
            .AppendLine(CultureInfo.InvariantCulture, $"| ~400-word scene texts ({scenes.Length}, 2 windows each) | {scenes.Length / sceneRun.Elapsed.TotalSeconds:0.0} texts/s |")
            .ToString();
        output.WriteLine(report);
        var target = Environment.GetEnvironmentVariable("ASKVIDEO_BENCH_OUT");
        if (!string.IsNullOrEmpty(target)) await File.WriteAllTextAsync(target, report);
        Assert.True(shortRun.Elapsed > TimeSpan.Zero);
    }

    private static string Text(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) builder.Append(i % 12 == 0 ? ". " : " ");
            builder.Append(Vocabulary[random.Next(Vocabulary.Length)]);
        }
        return builder.Append('.').ToString();
    }
}
