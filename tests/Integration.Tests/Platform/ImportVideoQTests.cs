using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskVideo.Application.Admin.Import;
using AskVideo.Infrastructure.Identity;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// import-videoq against a database with VideoQ's schema (the tables and columns of its Django models, written here
/// from the models and migrations) and a media folder holding real video files, run as the real API binary: users,
/// videos, groups with their order, chat logs and the processing of every imported video; a dry run writes nothing and
/// a second run imports nothing twice.
/// </summary>
public sealed class ImportVideoQTests(ApiFixture fixture, ITestOutputHelper log) : IntegrationTest(fixture)
{
    // Django's PBKDF2PasswordHasher output for AlicePassword (pbkdf2_sha256, 1,000,000 iterations, as Django 5.2 makes).
    private const string AlicePassword = "VideoQ pässword!";
    private const string AliceHash = "pbkdf2_sha256$1000000$Zm9vYmFyc2FsdA2024$PhxKlwJ1lH2zSpBzG//gstWW0OauPYed4UQ1/VcVgyE=";

    private const string Srt = "1\n00:00:00,000 --> 00:00:01,500\nThe lighthouse keeper polished the lens.\n\n2\n00:00:01,500 --> 00:00:03,000\nShips relied on its steady beam.\n";

    /// <summary>VideoQ's tables as its Django models and migrations define them (the latest schema, or the one before migrations 0025/0034).</summary>
    private static string Schema(bool before0025) => $$"""
        CREATE TABLE app_user (
            id bigserial PRIMARY KEY,
            password varchar(128) NOT NULL,
            last_login timestamptz NULL,
            is_superuser boolean NOT NULL,
            username varchar(150) NOT NULL UNIQUE,
            first_name varchar(150) NOT NULL DEFAULT '',
            last_name varchar(150) NOT NULL DEFAULT '',
            email varchar(254) NOT NULL UNIQUE,
            is_staff boolean NOT NULL DEFAULT false,
            is_active boolean NOT NULL,
            date_joined timestamptz NOT NULL,
            max_video_upload_size_mb integer NOT NULL DEFAULT 500 CHECK (max_video_upload_size_mb >= 0)
        );
        CREATE TABLE app_video (
            id bigserial PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES app_user (id) DEFERRABLE INITIALLY DEFERRED,
            file varchar(100) NOT NULL,
            title varchar(255) NOT NULL,
            description text NOT NULL DEFAULT '',
            source_type varchar(20) NOT NULL DEFAULT 'uploaded',
            source_url varchar(200) NOT NULL DEFAULT '',
            youtube_video_id varchar(32) NOT NULL DEFAULT '',
            uploaded_at timestamptz NOT NULL,
            transcript text NOT NULL DEFAULT '',
            status varchar(20) NOT NULL DEFAULT 'pending',
            error_message text NOT NULL DEFAULT ''
        );
        CREATE TABLE app_videogroup (
            id bigserial PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES app_user (id) DEFERRABLE INITIALLY DEFERRED,
            name varchar(255) NOT NULL,
            description text NOT NULL DEFAULT '',
            display_order integer NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            share_slug varchar(64) NULL
        );
        CREATE TABLE app_videogroupmember (
            id bigserial PRIMARY KEY,
            group_id bigint NOT NULL REFERENCES app_videogroup (id) DEFERRABLE INITIALLY DEFERRED,
            video_id bigint NOT NULL REFERENCES app_video (id) DEFERRABLE INITIALLY DEFERRED,
            added_at timestamptz NOT NULL,
            "order" integer NOT NULL DEFAULT 0,
            UNIQUE (group_id, video_id)
        );
        CREATE TABLE app_chatlog (
            id bigserial PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES app_user (id) DEFERRABLE INITIALLY DEFERRED,
            group_id bigint NOT NULL REFERENCES app_videogroup (id) DEFERRABLE INITIALLY DEFERRED,
            question text NOT NULL,
            answer text NOT NULL,
            {{(before0025 ? "related_videos" : "citations")}} jsonb NOT NULL DEFAULT '[]',
            {{(before0025 ? string.Empty : "retrieved_contexts jsonb NOT NULL DEFAULT '[]',")}}
            is_shared_origin boolean NOT NULL DEFAULT false,
            feedback varchar(4) NULL,
            created_at timestamptz NOT NULL
        );
        """;

    [Fact]
    public async Task ImportVideoQ_ShouldBringUsersVideosGroupsAndChatsOver_ThenProcessTheVideos_AndNothingTwice()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var database = "videoq_src_" + tag;
        var media = Path.Combine(Path.GetTempPath(), "videoq-media-" + tag);
        // dave already has an AskVideo account with the email he used in VideoQ.
        var dave = await Fixture.CreateAsync("dave" + tag);
        try
        {
            await SeedAsync(database, media, tag, dave.Email, before0025: false);
            var url = $"postgres://postgres@127.0.0.1:{TestEnvironment.PostgresPort}/{database}";

            var source = "videoq-" + tag;
            // The dry run (through the command handler, as the CLI sends it) reports what a run would do and writes nothing.
            var dryRun = await ImportAsync(new ImportVideoQCommand(url, media, source, DryRun: true));
            Assert.True(dryRun.DryRun);
            Assert.Equal((new ImportTally(4, 0, 0), new ImportTally(3, 0, 2), new ImportTally(2, 0, 0), new ImportTally(2, 0, 1), new ImportTally(3, 0, 0)),
                (dryRun.Users, dryRun.Videos, dryRun.Groups, dryRun.GroupVideos, dryRun.ChatLogs));
            Assert.Equal(0L, await ScalarAsync<long>($"SELECT count(*) FROM users WHERE email LIKE '%{tag}@videoq.test'"));
            Assert.Equal(0L, await ScalarAsync<long>($"SELECT count(*) FROM imported_records WHERE source = '{source}'"));

            var output = await RunCliAsync(url, media, source);
            log.WriteLine(output);
            Assert.Matches(@"users\s+4\s+0\s+0", output);
            Assert.Matches(@"videos\s+3\s+0\s+2", output);
            Assert.Matches(@"groups\s+2\s+0\s+0", output);
            Assert.Matches(@"group videos\s+2\s+0\s+1", output);
            Assert.Matches(@"chat logs\s+3\s+0\s+0", output);
            Assert.Contains("1 sign in with their VideoQ password; 2 must set a new one", output, StringComparison.Ordinal);
            Assert.Contains("1 joined an existing AskVideo account", output, StringComparison.Ordinal);
            Assert.Contains("3 queued for processing, 3 of them with VideoQ's transcript", output, StringComparison.Ordinal);
            Assert.Contains("no file (a YouTube link", output, StringComparison.Ordinal);
            Assert.Contains("is not in the media folder", output, StringComparison.Ordinal);

            // alice signs in with her VideoQ password; the Django hash is replaced by AskVideo's at that first sign-in.
            var alice = new TestUser(await UserIdAsync($"alice{tag}@videoq.test"), $"alice{tag}@videoq.test", "alice" + tag, AlicePassword);
            using var session = await Fixture.LoginAsync(alice);
            Assert.DoesNotContain("pbkdf2_sha256", await ScalarAsync<string>($"SELECT password_hash FROM users WHERE id = '{alice.Id}'"), StringComparison.Ordinal);
            // bob's hash (argon2) cannot be verified here: he is told to reset his password; carol was inactive in VideoQ.
            var bobLogin = await Fixture.Client.PostAsJsonAsync("/api/v1/auth/login", new { login = $"bob{tag}@videoq.test", password = "anything at all" });
            Assert.Equal(HttpStatusCode.Unauthorized, bobLogin.StatusCode);
            Assert.Equal($"false carol_{tag}_x", await ScalarAsync<string>($"SELECT is_active::text || ' ' || username FROM users WHERE email = 'carol{tag}@videoq.test'"));

            // alice's videos (files in AskVideo's storage, VideoQ's transcript as subtitles) are processed to ready.
            var library = await (await session.GetAsync("/api/v1/videos?sort=title_asc")).ReadJsonAsync();
            var titles = library.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("title").GetString()).ToList();
            Assert.Equal(["Harbour tour", "Lighthouse lecture"], titles);
            var ids = library.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
            foreach (var id in ids)
            {
                var ready = await ProcessingTests.WaitForStatusAsync(session, id, "ready");
                Assert.Equal(3, ready.GetProperty("durationSeconds").GetDouble(), 0);
            }
            var transcript = await (await session.GetAsync($"/api/v1/videos/{ids[1]}/transcript")).ReadJsonAsync();
            Assert.Equal("The lighthouse keeper polished the lens.", transcript.GetProperty("segments")[0].GetProperty("text").GetString());
            Assert.NotEmpty(TestMedia.FilesOf(alice.Id));
            // dave's VideoQ video joined his existing account.
            Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM videos WHERE owner_id = '{dave.Id}'"));

            // The group keeps VideoQ's order (the harbour tour first); the YouTube link was not imported.
            var groups = await (await session.GetAsync("/api/v1/groups")).ReadJsonAsync();
            var groupId = groups.GetProperty("items")[0].GetProperty("id").GetGuid();
            var group = await (await session.GetAsync($"/api/v1/groups/{groupId}")).ReadJsonAsync();
            Assert.Equal([ids[0], ids[1]], group.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList());

            // The chat history: questions, answers, feedback, origin, and citations pointing at the imported video.
            var logs = (await (await session.GetAsync($"/api/v1/groups/{groupId}/chat/logs")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(2, logs.Count);
            var first = logs.Single(l => l.GetProperty("question").GetString() == "What does the keeper polish?");
            Assert.Equal("The lens [1].", first.GetProperty("answer").GetString());
            Assert.Equal("good", first.GetProperty("feedback").GetString());
            Assert.Equal("owner", first.GetProperty("origin").GetString());
            var citation = first.GetProperty("citations")[0];
            Assert.Equal((ids[1], 1000L, 2500L, "The lighthouse keeper polished the lens."),
                (citation.GetProperty("videoId").GetGuid(), citation.GetProperty("startMs").GetInt64(), citation.GetProperty("endMs").GetInt64(), citation.GetProperty("text").GetString()));
            var shared = logs.Single(l => l.GetProperty("question").GetString() == "Where are the ships?");
            Assert.Equal(("share", "bad"), (shared.GetProperty("origin").GetString(), shared.GetProperty("feedback").GetString()));

            // A second run finds everything imported and adds nothing.
            var counts = await ScalarAsync<string>("SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM videos) || '/' || (SELECT count(*) FROM chat_logs)");
            var again = await ImportAsync(new ImportVideoQCommand(url, media, source));
            Assert.Equal((new ImportTally(0, 4, 0), new ImportTally(0, 3, 2), new ImportTally(0, 2, 0), new ImportTally(0, 2, 1), new ImportTally(0, 3, 0), 0),
                (again.Users, again.Videos, again.Groups, again.GroupVideos, again.ChatLogs, again.VideosQueued));
            Assert.Equal(counts, await ScalarAsync<string>("SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM videos) || '/' || (SELECT count(*) FROM chat_logs)"));
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
            if (Directory.Exists(media)) Directory.Delete(media, recursive: true);
        }
    }

    [Fact]
    public async Task ImportVideoQ_ShouldReadAnOlderVideoQ_WhoseChatLogsHaveRelatedVideos()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var database = "videoq_old_" + tag;
        var media = Path.Combine(Path.GetTempPath(), "videoq-media-" + tag);
        var dave = await Fixture.CreateAsync("dave" + tag);
        try
        {
            await SeedAsync(database, media, tag, dave.Email, before0025: true);
            var result = await ImportAsync(new ImportVideoQCommand(TestEnvironment.ConnectionString(database), media, "videoq-old-" + tag));

            Assert.Equal(new ImportTally(3, 0, 0), result.ChatLogs);
            var citations = await ScalarAsync<string>(
                $"SELECT c.citations::text FROM chat_logs c JOIN imported_records r ON r.target_id = c.id AND r.kind = 'chat_log' WHERE r.source = 'videoq-old-{tag}' AND c.question = 'What does the keeper polish?'");
            var citation = JsonDocument.Parse(citations).RootElement[0];
            Assert.Equal(1000L, citation.GetProperty("startMs").GetInt64());
            Assert.Equal(string.Empty, citation.GetProperty("text").GetString()); // no retrieved_contexts before VideoQ's 0034
            Assert.NotEqual(Guid.Empty, citation.GetProperty("videoId").GetGuid());
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
            if (Directory.Exists(media)) Directory.Delete(media, recursive: true);
        }
    }

    /// <summary>
    /// A VideoQ installation: alice (Django PBKDF2 password; two videos with transcripts, a YouTube link, a group with
    /// three members and chat logs), bob (an argon2 password; a video whose file is gone; an empty group), carol (inactive,
    /// a username AskVideo does not allow) and dave (already in AskVideo; one video).
    /// </summary>
    private static async Task SeedAsync(string database, string media, string tag, string daveEmail, bool before0025)
    {
        await ApiFixture.DropDatabaseAsync(database);
        await ApiFixture.EnsureDatabaseAsync(database);
        var clip = await TestMedia.VideoAsync();
        foreach (var (user, file) in new[] { (1, "video_1700000000001.mp4"), (1, "video_1700000000002.mp4"), (4, "video_1700000000005.mp4") })
        {
            Directory.CreateDirectory(Path.Combine(media, "videos", user.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            File.Copy(clip, Path.Combine(media, "videos", user.ToString(System.Globalization.CultureInfo.InvariantCulture), file));
        }

        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Schema(before0025) + $$"""
            INSERT INTO app_user (id, password, is_superuser, username, email, is_active, date_joined) VALUES
              (1, @aliceHash, false, 'alice{{tag}}', 'alice{{tag}}@videoq.test', true, '2025-01-10T09:00:00Z'),
              (2, 'argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', false, 'bob{{tag}}', 'bob{{tag}}@videoq.test', true, '2025-02-01T09:00:00Z'),
              (3, '!unusablepassword', false, 'carol@{{tag}}+x', 'carol{{tag}}@videoq.test', false, '2025-03-01T09:00:00Z'),
              (4, @aliceHash, false, 'dave_videoq{{tag}}', @daveEmail, true, '2025-04-01T09:00:00Z');
            INSERT INTO app_video (id, user_id, file, title, description, uploaded_at, transcript, status) VALUES
              (1, 1, 'videos/1/video_1700000000001.mp4', 'Lighthouse lecture', 'About the lens', '2025-01-11T10:00:00Z', @srt, 'completed'),
              (2, 1, 'videos/1/video_1700000000002.mp4', 'Harbour tour', '', '2025-01-12T10:00:00Z', @srt, 'completed'),
              (3, 1, '', 'A YouTube talk', '', '2025-01-13T10:00:00Z', '', 'completed'),
              (4, 2, 'videos/2/video_1700000000004.mp4', 'Lost file', '', '2025-02-02T10:00:00Z', @srt, 'completed'),
              (5, 4, 'videos/4/video_1700000000005.mp4', 'Dave''s video', '', '2025-04-02T10:00:00Z', @srt, 'completed');
            INSERT INTO app_videogroup (id, user_id, name, description, created_at, updated_at) VALUES
              (1, 1, 'Coast', 'Everything about the coast', '2025-01-14T10:00:00Z', '2025-01-14T10:00:00Z'),
              (2, 2, 'Bob''s group', '', '2025-02-03T10:00:00Z', '2025-02-03T10:00:00Z');
            INSERT INTO app_videogroupmember (group_id, video_id, added_at, "order") VALUES
              (1, 1, '2025-01-14T10:01:00Z', 1),
              (1, 2, '2025-01-14T10:02:00Z', 0),
              (1, 3, '2025-01-14T10:03:00Z', 2);
            INSERT INTO app_chatlog (user_id, group_id, question, answer, {{(before0025 ? "related_videos" : "citations, retrieved_contexts")}}, is_shared_origin, feedback, created_at) VALUES
              (1, 1, 'What does the keeper polish?', 'The lens [1].',
               '[{"video_id": 1, "title": "Lighthouse lecture", "start_time": "00:00:01,000", "end_time": "00:00:02,500"}]'
               {{(before0025 ? string.Empty : ", '[\"The lighthouse keeper polished the lens.\"]'")}}, false, 'good', '2025-01-15T10:00:00Z'),
              (1, 1, 'Where are the ships?', 'Near the cape [1].',
               '[{"video_id": "2", "title": "Harbour tour", "start_time": "00:00:01,500", "end_time": "00:00:03,000"}]'
               {{(before0025 ? string.Empty : ", '[]'")}}, true, 'bad', '2025-01-16T10:00:00Z'),
              (2, 2, 'Anything?', 'No sources.', '[]' {{(before0025 ? string.Empty : ", '[]'")}}, false, NULL, '2025-02-04T10:00:00Z');
            """, connection);
        command.Parameters.AddWithValue("aliceHash", AliceHash);
        command.Parameters.AddWithValue("daveEmail", daveEmail);
        command.Parameters.AddWithValue("srt", Srt);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Sends the command the way the CLI does: as the system, through the mediator of the shared host.</summary>
    private async Task<ImportVideoQResult> ImportAsync(ImportVideoQCommand command)
    {
        await using var scope = CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().SetSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Runs <c>AskVideo.Api import-videoq</c> as its own process against the test stack, with a source label per test.</summary>
    private static async Task<string> RunCliAsync(string databaseUrl, string media, string source)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AskVideo.Api.dll"), "import-videoq", "--media", media, "--source", source })
            start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in ApiFactory.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // The password-free way to pass the source database (kept out of the process list).
        start.Environment["VIDEOQ_DATABASE_URL"] = databaseUrl;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"import-videoq exited {process.ExitCode}: {await stdout} {await stderr}");
        return await stdout;
    }

    private static async Task<Guid> UserIdAsync(string email) => await ScalarAsync<Guid>($"SELECT id FROM users WHERE email = '{email}'");

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
