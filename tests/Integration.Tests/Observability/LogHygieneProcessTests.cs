using System.Net;
using System.Text.Json;
using AskVideo.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;
using static AskVideo.Integration.Tests.Observability.ObservabilityProcessTests;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>
/// What the real API and Worker processes write on stdout (JSON lines, as deployed) when things go wrong carries no
/// stack trace, yet tells an operator what failed and where to look: the exception's type and message, and the trace id
/// of the request or job. Provoked: a job retry in the worker (SMTP unreachable), and an unexpected 500 in the API (a
/// table gone under a query, so EF Core's and ASP.NET Core's own error lines are in the output too).
/// </summary>
public sealed class LogHygieneProcessTests(ApiFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private const string Database = "askvideo_logs";
    private const string Prefix = "avqlogs";
    private const string SmtpPassword = "smtp-password-never-logged";

    /// <summary>Text that only a stack trace writes (frames, file and line, the separators between rethrows).</summary>
    private static readonly string[] StackTraceMarkers = ["   at ", ".cs:line", "--- End of", "\\n   at", "<>c__", "MoveNext()"];

    [Fact]
    public async Task FailedJobsAndUnexpectedErrors_ShouldBeLoggedWithTypeMessageAndTraceId_ButNoStackTrace()
    {
        // Arrange: a fresh database, the API and a worker whose mail server never answers (a port nothing listens on).
        var smtpPort = HostProcess.FreePort();
        await RunApiAndWorkerAsync(Database, (metricsPort, api) => Settings(metricsPort, smtpPort, api), output, async processes =>
        {
            var (api, worker, apiUrl, _, _) = processes;

            // Act 1: a signup queues the verification email; the worker cannot reach the mail server and retries.
            using var client = ApiFixture.CreateClient(new Uri(apiUrl));
            var name = "logs" + Guid.NewGuid().ToString("N")[..8];
            using var signup = await client.PostAsync("/api/v1/auth/signup", JsonContent(new { email = $"{name}@example.test", username = name, password = TestUsers.Password, preferredLanguage = "en" }));
            Assert.True(signup.StatusCode == HttpStatusCode.Accepted, $"signup: {(int)signup.StatusCode} {await signup.Content.ReadAsStringAsync()}");
            await WaitForAsync(() => JsonLines(worker).Any(IsRetry), TimeSpan.FromSeconds(30), () => worker.Tail());

            // Act 2: a table disappears under the share-link query: an unexpected error, answered with a 500.
            await using (var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(Database)))
            {
                await connection.OpenAsync();
                await using var rename = new NpgsqlCommand("ALTER TABLE video_groups RENAME TO video_groups_gone", connection);
                await rename.ExecuteNonQueryAsync();
            }
            var shareToken = Application.Common.Security.SecretTokens.Create();
            using var shared = await client.GetAsync("/api/v1/shared/" + shareToken);
            var body = await shared.Content.ReadAsStringAsync();
            Assert.True(shared.StatusCode == HttpStatusCode.InternalServerError, $"shared: {(int)shared.StatusCode} {body}");
            var traceId = JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString();
            await WaitForAsync(() => JsonLines(api).Any(l => IsUnhandled(l) && l.TraceId == traceId), TimeSpan.FromSeconds(10), () => api.Tail());

            // Assert: no line of either process has a stack frame or a secret (the share token is one, even in the
            // request path ASP.NET Core puts in every line's scopes), whoever wrote it.
            var offending = api.Lines.Select(l => "api: " + l.Raw).Concat(worker.Lines.Select(l => "worker: " + l.Raw))
                .Where(l => StackTraceMarkers.Any(m => l.Contains(m, StringComparison.Ordinal))
                            || l.Contains(SmtpPassword, StringComparison.Ordinal) || l.Contains(shareToken, StringComparison.Ordinal))
                .ToList();
            Assert.True(offending.Count == 0, "log lines with a stack trace or a secret:\n" + string.Join('\n', offending));

            // The worker's retry says which exception, and carries the trace id of the signup request that queued it.
            var retry = JsonLines(worker).First(IsRetry);
            Assert.StartsWith("AskVideo.Application.Common.Exceptions.UpstreamException: The mail server 127.0.0.1:", retry.Exception, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{32}$", retry.TraceId);
            var signupLine = JsonLines(api).Single(l => l.Message.StartsWith("POST /api/v1/auth/signup → 202", StringComparison.Ordinal));
            Assert.Equal(signupLine.TraceId, retry.TraceId);

            // The API's 500: the exception (PostgreSQL's error) under the response's trace id.
            var unhandled = JsonLines(api).Single(l => IsUnhandled(l) && l.TraceId == traceId);
            foreach (var line in JsonLines(api).Concat(JsonLines(worker)).Where(l => l.Exception is not null || l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)))
                output.WriteLine(line.ToString());
            Assert.Contains("GetGroupAsync", unhandled.Message, StringComparison.Ordinal);
            Assert.Contains("Npgsql.PostgresException: 42P01: relation \"video_groups\" does not exist", unhandled.Exception, StringComparison.Ordinal);
            // EF Core's own error line of the failed query names the exception too, without its frames.
            Assert.Contains(JsonLines(api), l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && l.TraceId == traceId
                                                && (l.Message + l.Exception).Contains("42P01", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Worker")]
    public async Task AHostThatCannotStart_ShouldExitWithOneClearLine_NotTheRuntimesStackTrace(string host)
    {
        // Invalid settings: options validated on start stop the host before it serves anything.
        var settings = Environment(Database, Prefix, HostProcess.FreePort(), api: host == "Api");
        settings["Queue__Concurrency"] = "0";
        settings["Security__EncryptionKeys__0__Key"] = "Password=" + SmtpPassword;

        await using var process = HostProcess.Start(HostProcess.Dll(host), ["--urls", $"http://127.0.0.1:{HostProcess.FreePort()}"], settings);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine(process.Tail());
        Assert.True(exitCode != 0, $"exit code {exitCode}:\n{process.Tail()}");
        var offending = process.Lines.Select(l => l.Raw).Where(l => StackTraceMarkers.Any(m => l.Contains(m, StringComparison.Ordinal)) || l.Contains(SmtpPassword, StringComparison.Ordinal)).ToList();
        Assert.True(offending.Count == 0, "lines with a stack trace or a secret:\n" + string.Join('\n', offending));
        Assert.Contains(process.Lines, l => l.Raw.Contains("OptionsValidationException", StringComparison.Ordinal) && l.Raw.Contains("Concurrency", StringComparison.Ordinal));
        Assert.All(process.Lines, l => Assert.StartsWith("{", l.Raw, StringComparison.Ordinal));
    }

    private static bool IsRetry(TracedLine line) =>
        line.Category.EndsWith("JobConsumer", StringComparison.Ordinal) && line.Message.Contains("failed (attempt 1), retrying", StringComparison.Ordinal);

    private static bool IsUnhandled(TracedLine line) =>
        line.Category == "AskVideo.Api.Http.AppExceptionHandler" && line.Message.StartsWith("Unhandled exception", StringComparison.Ordinal);

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static Dictionary<string, string> Settings(int metricsPort, int smtpPort, bool api)
    {
        var env = Environment(Database, Prefix, metricsPort, api);
        env["App__RequireEmailVerification"] = "true";
        env["Email__Provider"] = "smtp";
        env["Email__From"] = "AskVideo <no-reply@askvideo.test>";
        env["Email__Smtp__Host"] = "127.0.0.1";
        env["Email__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Email__Smtp__EnableSsl"] = "false";
        env["Email__Smtp__Username"] = "askvideo";
        env["Email__Smtp__Password"] = SmtpPassword;
        // Every framework line that could carry an exception (EF Core, ASP.NET Core diagnostics, hosting) is written.
        env["Logging__LogLevel__Default"] = "Information";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Information";
        env["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        return env;
    }
}
