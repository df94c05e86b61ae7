using System.Collections.Concurrent;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>
/// The jobs each worker process is running right now, from its own log: a job starts with "Job … started (attempt …)"
/// (Debug) and ends with its outcome line. What a SIGKILL of that process interrupts.
/// </summary>
public sealed class JobTracker
{
    private readonly ConcurrentDictionary<HostProcess, ConcurrentDictionary<Guid, DateTime>> _running = new();

    public void Watch(HostProcess worker)
    {
        _running[worker] = new ConcurrentDictionary<Guid, DateTime>();
        worker.LineWritten += OnLine;
    }

    public void Forget(HostProcess worker)
    {
        worker.LineWritten -= OnLine;
        _running.TryRemove(worker, out _);
    }

    private void OnLine(HostProcess worker, LogLine line)
    {
        if (line.JobId is not { } jobId || !_running.TryGetValue(worker, out var jobs)) return;
        if (line.Message.Contains(" started (attempt ", StringComparison.Ordinal)) jobs[jobId] = DateTime.UtcNow;
        else if (IsOutcome(line.Message)) jobs.TryRemove(jobId, out _);
    }

    private static bool IsOutcome(string message) =>
        message.Contains(" succeeded", StringComparison.Ordinal) || message.Contains(" failed", StringComparison.Ordinal) ||
        message.Contains(" abandoned", StringComparison.Ordinal) || message.Contains(" released on shutdown", StringComparison.Ordinal) ||
        message.Contains("dead letters", StringComparison.Ordinal);

    /// <summary>Every job a live worker is running now.</summary>
    public List<(HostProcess Worker, Guid JobId)> Running() =>
        [.. _running.Where(w => !w.Key.HasExited).SelectMany(w => w.Value.Keys.Select(j => (w.Key, j)))];

    /// <summary>A worker with a job that has been running at least <paramref name="forAtLeast"/>, and that job.</summary>
    public (HostProcess Worker, Guid JobId)? FindRunning(TimeSpan forAtLeast, Random random)
    {
        var now = DateTime.UtcNow;
        var candidates = _running
            .Where(w => !w.Key.HasExited)
            .SelectMany(w => w.Value.Where(j => now - j.Value >= forAtLeast).Select(j => (Worker: w.Key, JobId: j.Key)))
            .ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}
