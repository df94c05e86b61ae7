using System.Diagnostics;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Transcripts;

// Times PrepareLines + Split on 10,000 synthetic transcript lines with random 384-d embeddings (budget 512), and as a
// same-run baseline one plain pass that computes all 10,000 × 384 prefix sums: the least any O(T·d) level can cost.
const int LineCount = 10_000;
const int Dimensions = 384;
const int Runs = 5;

var random = new Random(20261130);
string[] vocabulary = ["the", "lecture", "covers", "eigenvalues", "and", "matrices", "so", "we", "compute", "a", "basis", "today", "interesting", "question"];
string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
// Mostly ordinary caption lines, plus one over-long line in every thousand so that PrepareLines has work to do.
var lines = Enumerable.Range(0, LineCount)
    .Select(i => new TranscriptLine(i * 2500L, (i * 2500L) + 2400, Sentence(i % 1000 == 999 ? 900 : random.Next(5, 25))))
    .ToList();
var preparedCount = SceneSplitter.PrepareLines(lines, SceneSplitter.DefaultTokenBudget).Count;
var embeddings = Enumerable.Range(0, preparedCount)
    .Select(_ => Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())
    .ToList();

var splitMs = new List<double>();
var sceneCount = 0;
for (var run = 0; run <= Runs; run++) // run 0 warms up the JIT and is not counted
{
    var stopwatch = Stopwatch.StartNew();
    var prepared = SceneSplitter.PrepareLines(lines, SceneSplitter.DefaultTokenBudget);
    var scenes = SceneSplitter.Split(prepared, embeddings, SceneSplitter.DefaultTokenBudget);
    stopwatch.Stop();
    sceneCount = scenes.Count;
    if (run > 0) splitMs.Add(stopwatch.Elapsed.TotalMilliseconds);
}

var prefix = new double[preparedCount * Dimensions];
var baselineMs = new List<double>();
for (var run = 0; run <= Runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    var running = new double[Dimensions];
    for (var i = 0; i < preparedCount; i++)
    {
        var vector = embeddings[i];
        var row = i * Dimensions;
        for (var j = 0; j < Dimensions; j++) prefix[row + j] = running[j] += vector[j];
    }
    stopwatch.Stop();
    if (run > 0) baselineMs.Add(stopwatch.Elapsed.TotalMilliseconds);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var tokens = lines.Sum(l => TokenEstimator.Count(l.Text));
Console.WriteLine($"lines={LineCount} prepared={preparedCount} tokens={tokens} dims={Dimensions} budget={SceneSplitter.DefaultTokenBudget} scenes={sceneCount} cores={Environment.ProcessorCount}");
Console.WriteLine($"PrepareLines+Split: median {Median(splitMs):F1} ms over {Runs} runs [{string.Join(", ", splitMs.Select(m => m.ToString("F1")))}]");
Console.WriteLine($"baseline, one prefix-sum pass over {preparedCount}x{Dimensions}: median {Median(baselineMs):F1} ms [{string.Join(", ", baselineMs.Select(m => m.ToString("F1")))}]");
Console.WriteLine($"ratio: {Median(splitMs) / Median(baselineMs):F1} prefix-sum passes");
