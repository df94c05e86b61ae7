using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>One ProcessVideo job row.</summary>
public sealed record JobRow(Guid Id, Guid VideoId, string Status, int Attempts);

/// <summary>
/// What a scenario expected (how many ProcessVideo jobs each video was given, how many transcript segments its clip
/// has) against what the tables hold at the end. <b>Lost</b>: a video not ready, a job missing, or a job that did not
/// succeed. <b>Duplicated</b>: a job beyond the expected ones, a scene or segment beyond the expected ones, or a scene
/// position twice.
/// </summary>
public sealed class Ledger
{
    private readonly Dictionary<Guid, int> _jobs = [];
    private readonly Dictionary<Guid, int> _segments = [];

    public IReadOnlyCollection<Guid> Videos => _jobs.Keys;

    public int ExpectedJobs => _jobs.Values.Sum();

    public void Uploaded(Guid videoId, int segments)
    {
        _jobs[videoId] = 1;
        _segments[videoId] = segments;
    }

    public void Reprocessed(Guid videoId) => _jobs[videoId]++;

    public sealed record Result(int Videos, int Jobs, int Lost, int Duplicated, IReadOnlyList<JobRow> JobRows, IReadOnlyList<string> Problems);

    public async Task<Result> CountAsync(Deployment deployment)
    {
        var problems = new List<string>();
        var statuses = await deployment.VideoStatusesAsync();
        var jobs = await deployment.QueryAsync(
            "SELECT id, (payload->>'videoId')::uuid, status, attempts FROM jobs WHERE type = 'ProcessVideo' ORDER BY created_at",
            r => new JobRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3)));
        var segments = (await deployment.QueryAsync("SELECT video_id, count(*) FROM transcript_segments GROUP BY video_id", r => (r.GetGuid(0), r.GetInt64(1))))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var scenePositionsTwice = await deployment.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM scenes) - (SELECT count(*) FROM (SELECT DISTINCT video_id, position FROM scenes) d)");

        int lost = 0, duplicated = 0;
        foreach (var (videoId, expectedJobs) in _jobs)
        {
            var status = statuses.GetValueOrDefault(videoId, "missing");
            if (status != "ready")
            {
                lost++;
                problems.Add($"video {videoId} is {status}");
            }
            var mine = jobs.Where(j => j.VideoId == videoId).ToList();
            var succeeded = mine.Count(j => j.Status == "succeeded");
            if (succeeded < expectedJobs)
            {
                lost += expectedJobs - succeeded;
                problems.Add($"video {videoId}: {succeeded} of {expectedJobs} jobs succeeded ({string.Join(", ", mine.Select(j => j.Status))})");
            }
            if (mine.Count > expectedJobs)
            {
                duplicated += mine.Count - expectedJobs;
                problems.Add($"video {videoId}: {mine.Count} jobs for {expectedJobs} uploads/reprocesses");
            }
            var got = segments.GetValueOrDefault(videoId);
            if (got > _segments[videoId])
            {
                duplicated += (int)(got - _segments[videoId]);
                problems.Add($"video {videoId}: {got} transcript segments, {_segments[videoId]} expected");
            }
        }
        if (scenePositionsTwice > 0)
        {
            duplicated += (int)scenePositionsTwice;
            problems.Add($"{scenePositionsTwice} scenes share a position of their video");
        }
        var stray = jobs.Count(j => !_jobs.ContainsKey(j.VideoId));
        if (stray > 0)
        {
            duplicated += stray;
            problems.Add($"{stray} jobs for videos the scenario never made");
        }
        return new Result(_jobs.Count, jobs.Count, lost, duplicated, jobs, problems);
    }
}

/// <summary>
/// The suite's figures: one line per scenario in the test output, and, when ASKVIDEO_REPORT_DIR is set, one JSON line
/// per scenario appended to $ASKVIDEO_REPORT_DIR/resilience.jsonl (bench/run.sh and scripts/test.sh read it; the keys
/// scenario, lost, duplicated and seconds are always there).
/// </summary>
public static class ResilienceReport
{
    private static readonly Lock Gate = new();

    public static void Write(ITestOutputHelper output, string scenario, int lost, int duplicated, double seconds, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var json = new JsonObject
        {
            ["scenario"] = scenario,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            json[key] = value switch
            {
                null => null,
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(Math.Round(d, 2)),
                _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        }
        json["lost"] = lost;
        json["duplicated"] = duplicated;
        json["seconds"] = Math.Round(seconds, 1);
        var line = json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        output.WriteLine($"resilience {scenario}: lost {lost}, duplicated {duplicated}, {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s  {line}");
        if (Environment.GetEnvironmentVariable("ASKVIDEO_REPORT_DIR") is not { Length: > 0 } dir) return;
        lock (Gate)
        {
            Directory.CreateDirectory(dir);
            File.AppendAllText(Path.Combine(dir, "resilience.jsonl"), line + "\n");
        }
    }
}
