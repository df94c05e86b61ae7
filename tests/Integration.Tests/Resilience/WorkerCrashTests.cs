using System.Diagnostics;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Users;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace AskVideo.Integration.Tests.Resilience;

/// <summary>
/// SPEC §8 Reliability: the real Worker process is killed with SIGKILL at random moments mid-pipeline, restarted, and
/// Redis is flushed once while it runs. Every video must still end ready with exactly the scenes and segments a clean
/// run gives, every job must succeed once, and no job row may be lost or duplicated.
/// The jobs live in their own database and Redis key prefix, so the shared host's in-process consumer never sees them.
/// </summary>
public sealed class WorkerCrashTests(ApiFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private const string CrashDatabase = "askvideo_crash";
    private const string CrashPrefix = "avqcrash";

    private static readonly string[][] Scripts =
    [
        [
            "The old lighthouse keeper polished the great lens every evening.",
            "Ships passing the rocky cape relied on its steady beam.",
            "One winter a storm broke three windows in the tower.",
            "He carried glass panes up two hundred narrow stairs.",
            "By midnight the light was burning again over the waves.",
            "The harbour master sent him a letter of thanks.",
            "Today the lighthouse is a small museum about the sea.",
        ],
        [
            "Our garden club planted tomatoes along the southern fence.",
            "Each plant needed a wooden stake and plenty of water.",
            "Aphids arrived in June and covered the young leaves.",
            "We released ladybirds that ate the pests within a week.",
            "By August the vines were heavy with red fruit.",
            "Neighbours came to trade beans, peppers and squash.",
            "The club now keeps seeds for the next spring.",
            "Compost from the kitchen feeds the soil every autumn.",
        ],
        [
            "The orchestra tuned their instruments before the concert.",
            "A young violinist played the opening solo from memory.",
            "The conductor raised his baton and the brass section answered.",
            "During the slow movement the hall was perfectly quiet.",
            "A cellist broke a string but kept playing calmly.",
            "The audience stood and applauded for five minutes.",
        ],
        [
            "Engineers tested the electric bus on a steep mountain road.",
            "The battery kept its charge better than anyone expected.",
            "Regenerative brakes recovered energy on every descent.",
            "Passengers noticed how quiet the ride had become.",
            "The city ordered forty buses for the next year.",
            "Charging stations will be built at both depots.",
            "Drivers received a week of training on the new controls.",
            "Diesel fuel costs are expected to fall by half.",
            "The first route opens in the spring.",
        ],
    ];

    private static readonly Random Rng = new();

    [Fact]
    public async Task Worker_ShouldFinishEveryVideoExactlyOnce_WhenKilledRepeatedlyAndRedisIsFlushed()
    {
        var workerDll = Path.Combine(TestEnvironment.RepoRoot, "src", "Worker", "bin", "Release", "net10.0", "AskVideo.Worker.dll");
        Assert.True(File.Exists(workerDll), $"The Worker is not built at {workerDll}: run `dotnet build AskVideo.slnx -c Release` (scripts/test.sh does).");
        var kills = int.TryParse(Environment.GetEnvironmentVariable("ASKVIDEO_CRASH_KILLS"), out var k) && k >= 0 ? k : 12;
        var started = Stopwatch.StartNew();

        var clips = new List<SpokenClip>();
        for (var i = 0; i < Scripts.Length; i++) clips.Add(await SpokenClip.MakeAsync($"crash{i}", Scripts[i], withSubtitleTrack: true));

        // Reference: the same clips processed once, cleanly, by the shared host (same hashing embedder, same budget).
        var expectedScenes = new int[clips.Count];
        var expectedSceneTexts = new string[clips.Count][];
        {
            var user = await Fixture.CreateAsync();
            using var reference = await Fixture.LoginAsync(user);
            for (var i = 0; i < clips.Count; i++)
            {
                var id = await ProcessingTests.UploadAsync(reference, clips[i].Path);
                await ProcessingTests.WaitForStatusAsync(reference, id, "ready");
                var texts = await ScenesAsync(TestEnvironment.Database, id);
                expectedScenes[i] = texts.Count;
                expectedSceneTexts[i] = [.. texts];
            }
        }

        await ApiFixture.DropDatabaseAsync(CrashDatabase);
        await ApiFixture.EnsureDatabaseAsync(CrashDatabase);
        var redis = Fixture.Services.GetRequiredService<RedisConnection>();
        var workers = new List<Process>();
        var log = new StringBuilder();
        ApiFactory? variant = null;
        SessionClient? session = null;
        try
        {
            (variant, session) = await StartCrashApiAsync();
            var videoIds = new List<Guid>();
            foreach (var clip in clips) videoIds.Add(await ProcessingTests.UploadAsync(session, clip.Path));
            var jobsPerVideo = videoIds.ToDictionary(id => id, _ => 1);

            var killsDone = 0;
            var killedMidJob = 0;
            var killedDuring = new List<string>();
            var flushed = false;
            for (var round = 0; round < kills; round++)
            {
                // Keep work in flight for every kill: a video that is already ready is reprocessed (a new job that must
                // replace its scenes, never add to them).
                var before = await VideoStatusesAsync(videoIds);
                for (var i = 0; i < videoIds.Count; i++)
                {
                    if (before[i] != "ready") continue;
                    var reprocess = await session.PostAsync($"/api/v1/videos/{videoIds[i]}/reprocess");
                    Assert.Equal(System.Net.HttpStatusCode.Accepted, reprocess.StatusCode);
                    jobsPerVideo[videoIds[i]]++;
                }
                // The random moment is counted from when this worker starts a job (its startup and the expiry of the
                // killed worker's leases would otherwise swallow most kills), so the kills land inside the pipeline.
                var attemptsBefore = await ScalarAsync<long>(CrashDatabase, "SELECT coalesce(sum(attempts), 0) FROM jobs");
                var workerStarted = DateTimeOffset.UtcNow;
                var worker = StartWorker(workerDll, log, round);
                workers.Add(worker);
                var waitUntil = DateTime.UtcNow + TimeSpan.FromSeconds(15);
                while (DateTime.UtcNow < waitUntil && !worker.HasExited &&
                       await ScalarAsync<long>(CrashDatabase, "SELECT coalesce(sum(attempts), 0) FROM jobs") == attemptsBefore)
                    await Task.Delay(50);
                // A fresh process spends its first second or two in JIT and EF Core start-up, so the window reaches past that.
                await Task.Delay(TimeSpan.FromMilliseconds(Rng.Next(100, 4000)));
                if (!flushed && round >= kills / 2)
                {
                    // Everything the queue held in Redis is gone: the reconciler must find the jobs again from the outbox.
                    foreach (var endpoint in redis.Multiplexer.GetEndPoints())
                        await redis.Multiplexer.GetServer(endpoint).FlushDatabaseAsync();
                    flushed = true;
                    await Task.Delay(TimeSpan.FromMilliseconds(Rng.Next(200, 1200)));
                }
                if (!worker.HasExited)
                {
                    var running = await RunningStagesAsync(videoIds, workerStarted);
                    worker.Kill(entireProcessTree: false); // SIGKILL on Linux: no graceful release of the job
                    killsDone++;
                    if (running.Count > 0) killedMidJob++;
                    killedDuring.AddRange(running);
                }
                await worker.WaitForExitAsync();
            }
            if (!flushed)
            {
                foreach (var endpoint in redis.Multiplexer.GetEndPoints())
                    await redis.Multiplexer.GetServer(endpoint).FlushDatabaseAsync();
            }

            var statesAtLastKill = await VideoStatusesAsync(videoIds);
            var final = StartWorker(workerDll, log, kills);
            workers.Add(final);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (true)
            {
                var statuses = await VideoStatusesAsync(videoIds);
                if (statuses.All(s => s is "ready" or "failed")) break;
                if (final.HasExited) Assert.Fail($"The worker exited on its own (code {final.ExitCode}).\n{Tail(log)}");
                if (DateTime.UtcNow > deadline) Assert.Fail($"Videos still not finished after 3 minutes: {string.Join(", ", statuses)}\n{Tail(log)}");
                await Task.Delay(250);
            }
            // Let the worker record the job outcome (ready commits before the job row is marked succeeded).
            await WaitForJobsToSettleAsync(TimeSpan.FromSeconds(20));

            output.WriteLine($"{killsDone} SIGKILLs of the worker ({kills} asked), {killedMidJob} of them with a video mid-pipeline; " +
                $"stages hit: {string.Join(", ", killedDuring.GroupBy(x => x).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; " +
                $"Redis flushed once; states at the last kill: {string.Join(", ", statesAtLastKill)}; {started.Elapsed.TotalSeconds:0.0} s in all");
            Assert.True(kills == 0 || killedMidJob > 0, "No kill landed while a video was being processed.");

            Assert.All(await VideoStatusesAsync(videoIds), s => Assert.Equal("ready", s));
            for (var i = 0; i < videoIds.Count; i++)
            {
                var scenes = await ScenesAsync(CrashDatabase, videoIds[i]);
                Assert.Equal(expectedScenes[i], scenes.Count);
                Assert.Equal(expectedSceneTexts[i], scenes);
                Assert.Equal(string.Join(' ', Scripts[i]), string.Join(' ', scenes));
                var segments = await ScalarAsync<long>(CrashDatabase, "SELECT count(*) FROM transcript_segments WHERE video_id = @id", videoIds[i]);
                Assert.Equal(Scripts[i].Length, segments);
            }
            Assert.Equal(0L, await ScalarAsync<long>(CrashDatabase,
                "SELECT (SELECT count(*) FROM scenes) - (SELECT count(*) FROM (SELECT DISTINCT video_id, position FROM scenes) d)"));

            // One ProcessVideo job per upload or reprocess, each succeeded (none lost, buried, failed or duplicated).
            var jobs = await JobsAsync();
            Assert.Equal(jobsPerVideo.Values.Sum(), jobs.Count);
            foreach (var (videoId, count) in jobsPerVideo) Assert.Equal(count, jobs.Count(j => j.VideoId == videoId));
            Assert.All(jobs, j => Assert.Equal("succeeded", j.Status));
            output.WriteLine($"{jobs.Count} ProcessVideo jobs ({videoIds.Count} uploads + {jobs.Count - videoIds.Count} reprocesses); attempts per job: " +
                string.Join(", ", jobs.Select(j => j.Attempts)));
        }
        finally
        {
            session?.Dispose();
            if (variant is not null) await variant.DisposeAsync();
            foreach (var worker in workers)
            {
                try
                {
                    if (!worker.HasExited) worker.Kill(entireProcessTree: true);
                    await worker.WaitForExitAsync();
                }
                catch (InvalidOperationException)
                {
                    // never started or already reaped
                }
                worker.Dispose();
            }
            await ApiFixture.DropDatabaseAsync(CrashDatabase);
        }
    }

    /// <summary>
    /// Migrates the crash database and signs a new user in to an in-memory API host on it. Its consumer is off; like a
    /// real API it still runs the outbox dispatcher and the reconciler, on the crash prefix.
    /// </summary>
    private static async Task<(ApiFactory, SessionClient)> StartCrashApiAsync()
    {
        var variant = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestEnvironment.ConnectionString(CrashDatabase),
            ["Queue:KeyPrefix"] = CrashPrefix,
            ["Queue:MaxAttempts"] = "100",
        });
        await variant.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);

        var name = "crash" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = variant.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
            var now = DateTimeOffset.UtcNow;
            var user = User.Register($"{name}@example.test", name, hasher.Hash(TestUsers.Password), 100, "en", now);
            user.MarkEmailVerified(now);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var session = new SessionClient(variant.CreateDefaultClient());
        var login = await session.PostAsync("/api/v1/auth/login", new { login = $"{name}@example.test", password = TestUsers.Password });
        Assert.True(login.IsSuccessStatusCode, $"login failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return (variant, session);
    }

    private static Process StartWorker(string dll, StringBuilder log, int round)
    {
        var settings = ApiFactory.Settings;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__Postgres"] = TestEnvironment.ConnectionString(CrashDatabase);
        env["Redis__Configuration"] = TestEnvironment.RedisConfiguration;
        env["Queue__KeyPrefix"] = CrashPrefix;
        env["Queue__LeaseSeconds"] = "5";
        env["Queue__PollMilliseconds"] = "200";
        env["Queue__MaintenanceSeconds"] = "1";
        env["Queue__ReconcileAfterSeconds"] = "2";
        env["Queue__RetryBaseSeconds"] = "1";
        env["Queue__RetryMaxSeconds"] = "2";
        env["Queue__MaxAttempts"] = "100";
        env["Storage__LocalRoot"] = TestEnvironment.MediaRoot;
        env["Media__CacheDirectory"] = Path.Combine(TestEnvironment.StackDir, "cache");
        env["App__PublicUrl"] = settings["App:PublicUrl"];
        env["Email__Provider"] = "file";
        env["Email__OutboxDirectory"] = TestEnvironment.MailDir;
        env["AI__EmbeddingProvider"] = "hashing";
        env["Auth__JwtSigningKey"] = settings["Auth:JwtSigningKey"];
        env["Security__EncryptionKeys__0__Id"] = settings["Security:EncryptionKeys:0:Id"];
        env["Security__EncryptionKeys__0__Key"] = settings["Security:EncryptionKeys:0:Key"];
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";

        var process = new Process { StartInfo = start };
        void Append(string? line)
        {
            if (line is null) return;
            lock (log) log.Append('[').Append(round).Append("] ").AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= 6000 ? text : text[^6000..];
        }
    }

    private async Task WaitForJobsToSettleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var open = await ScalarAsync<long>(CrashDatabase, "SELECT count(*) FROM jobs WHERE status NOT IN ('succeeded', 'failed', 'dead')");
            if (open == 0) return;
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> VideoStatusesAsync(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(CrashDatabase));
        await connection.OpenAsync();
        var statuses = new List<string>();
        foreach (var id in ids)
        {
            await using var command = new NpgsqlCommand("SELECT status FROM videos WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            statuses.Add((string?)await command.ExecuteScalarAsync() ?? "missing");
        }
        return statuses;
    }

    /// <summary>The stage of each video the current worker is processing (what a kill at this moment interrupts).</summary>
    private static async Task<List<string>> RunningStagesAsync(IReadOnlyList<Guid> ids, DateTimeOffset workerStarted)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(CrashDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(v.stage, v.status) FROM videos v WHERE v.id = ANY(@ids) AND EXISTS " +
            "(SELECT 1 FROM jobs j WHERE j.status = 'running' AND j.updated_at >= @since AND j.payload->>'videoId' = v.id::text)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("since", workerStarted);
        var stages = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) stages.Add(reader.GetString(0));
        return stages;
    }

    private static async Task<List<string>> ScenesAsync(string database, Guid videoId)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT text FROM scenes WHERE video_id = @id ORDER BY position", connection);
        command.Parameters.AddWithValue("id", videoId);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null) command.Parameters.AddWithValue("id", id.Value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed record JobRow(Guid VideoId, string Status, int Attempts);

    private static async Task<List<JobRow>> JobsAsync()
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(CrashDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (payload->>'videoId')::uuid, status, attempts FROM jobs WHERE type = 'ProcessVideo' ORDER BY created_at", connection);
        var rows = new List<JobRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(new JobRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        return rows;
    }
}
