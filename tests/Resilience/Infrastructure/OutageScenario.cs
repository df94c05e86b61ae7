using System.Diagnostics;
using AskVideo.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>
/// The frame of a scenario that takes a service away while jobs run (PostgreSQL, Redis): a deployment with one API and
/// its workers, a signed-in user and an anonymous client through nginx, a ledger of the uploads, a wait for a job in
/// flight, and the ending: every video finished, every job settled, lost and duplicated counted and reported.
/// </summary>
public sealed class OutageScenario : IAsyncDisposable
{
    private readonly Stopwatch _started;

    private OutageScenario(Stopwatch started, IReadOnlyList<SpokenClip> clips, Deployment deployment, HostProcess api, IReadOnlyList<HostProcess> workers, JobTracker tracker, SessionClient session, HttpClient anonymous)
    {
        _started = started;
        Clips = clips;
        Deployment = deployment;
        Api = api;
        Workers = workers;
        Tracker = tracker;
        Session = session;
        Anonymous = anonymous;
    }

    public IReadOnlyList<SpokenClip> Clips { get; }

    public Deployment Deployment { get; }

    public HostProcess Api { get; }

    public IReadOnlyList<HostProcess> Workers { get; }

    public JobTracker Tracker { get; }

    /// <summary>The suite's user, signed in through nginx.</summary>
    public SessionClient Session { get; }

    /// <summary>No session: the health endpoints.</summary>
    public HttpClient Anonymous { get; }

    public Ledger Ledger { get; } = new();

    /// <summary>A deployment named <paramref name="name"/> with one API (ready) and <paramref name="workers"/> workers (watched).</summary>
    public static async Task<OutageScenario> StartAsync(ResilienceStack stack, string name, int workers)
    {
        var started = Stopwatch.StartNew();
        var clips = await Infrastructure.Clips.AllAsync();
        var deployment = await Deployment.CreateAsync(stack, name, apis: 1);
        try
        {
            var api = await deployment.StartApiAsync(0);
            var tracker = new JobTracker();
            var running = new List<HostProcess>();
            for (var i = 1; i <= workers; i++)
            {
                var worker = deployment.StartWorker($"worker{i}");
                tracker.Watch(worker);
                running.Add(worker);
            }
            var session = await deployment.SignInAsync();
            return new OutageScenario(started, clips, deployment, api, running, tracker, session, deployment.NewClient());
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Uploads the clip of script <paramref name="script"/> through nginx and enters it in the ledger.</summary>
    public async Task<Guid> UploadAsync(int script)
    {
        var id = await Deployment.UploadAsync(Session, Clips[script].Path);
        Ledger.Uploaded(id, Infrastructure.Clips.Scripts[script].Length);
        return id;
    }

    /// <summary>
    /// Waits until a job has been running for <paramref name="runningFor"/> (so the outage lands mid-job), reprocessing a
    /// ready video when nothing is left to do; fails after 60 s.
    /// </summary>
    public async Task WaitForRunningJobAsync(TimeSpan runningFor)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Tracker.FindRunning(runningFor, new Random()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "No job ran within 60 s.\n" + Deployment.Tails());
            var statuses = await Deployment.VideoStatusesAsync();
            if (Ledger.Videos.All(id => statuses.GetValueOrDefault(id) == "ready"))
            {
                var id = Ledger.Videos.First();
                await Deployment.ReprocessAsync(Session, id);
                Ledger.Reprocessed(id);
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for every video of the ledger to finish and for the jobs to settle, then counts lost and duplicated.</summary>
    public async Task<Ledger.Result> FinishAsync(TimeSpan videosTimeout, TimeSpan settleTimeout)
    {
        await Deployment.WaitForVideosAsync(Ledger.Videos, videosTimeout);
        await Deployment.WaitForJobsToSettleAsync(settleTimeout);
        return await Ledger.CountAsync(Deployment);
    }

    /// <summary>The scenario's line of the report: its own <paramref name="figures"/>, then the videos, jobs and attempts.</summary>
    public void Report(ITestOutputHelper output, Ledger.Result result, Dictionary<string, object?> figures)
    {
        figures["videos"] = result.Videos;
        figures["jobs"] = result.Jobs;
        figures["attempts"] = result.JobRows.Sum(j => j.Attempts);
        ResilienceReport.Write(output, Deployment.Name, result.Lost, result.Duplicated, _started.Elapsed.TotalSeconds, figures);
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await Deployment.DisposeAsync();
    }
}
