using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>deploy/prometheus/metrics.txt: the metric families (name, type) the deploy files may query.</summary>
public static class MetricList
{
    /// <summary>Families that appear only once such an event happened (a failed job, step or AI call).</summary>
    public static readonly IReadOnlySet<string> EventOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "askvideo_ai_errors_total", "askvideo_job_failures_total", "askvideo_pipeline_step_failures_total",
    };

    public static IReadOnlyList<(string Name, string Type)> Read() =>
        File.ReadAllLines(Path.Combine(TestEnvironment.RepoRoot, "deploy", "prometheus", "metrics.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p[1]))
            .ToList();
}
