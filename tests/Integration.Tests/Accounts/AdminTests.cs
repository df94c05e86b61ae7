using System.Diagnostics;
using System.Net;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Accounts;

public class AdminTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ListUsers_ShouldBeForAdminsOnly_AndFilterAndPage()
    {
        var admin = await Fixture.CreateAsync("root_admin", admin: true);
        var user = await Fixture.CreateAsync("plain_user");
        await Fixture.CreateAsync("other_user");
        using var adminSession = await Fixture.LoginAsync(admin);
        using var userSession = await Fixture.LoginAsync(user);

        await ProblemAssert.IsProblemAsync(await userSession.GetAsync("/api/v1/admin/users"), 403, "admin_required");
        var all = await (await adminSession.GetAsync("/api/v1/admin/users?pageSize=2")).ReadJsonAsync();
        var filtered = await (await adminSession.GetAsync("/api/v1/admin/users?q=plain")).ReadJsonAsync();

        Assert.Equal(3, all.GetProperty("totalCount").GetInt64());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal("plain_user", filtered.GetProperty("items")[0].GetProperty("username").GetString());
        await ProblemAssert.IsProblemAsync(await adminSession.GetAsync("/api/v1/admin/users?pageSize=1000"), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await adminSession.GetAsync("/api/v1/admin/users?page=abc"), 400);
    }

    [Fact]
    public async Task UpdateUser_ShouldSetLimits_AndDeactivationShouldEndTheUsersSessions()
    {
        var admin = await Fixture.CreateAsync(admin: true);
        var user = await Fixture.CreateAsync();
        using var adminSession = await Fixture.LoginAsync(admin);
        using var userSession = await Fixture.LoginAsync(user);

        var limited = await (await adminSession.PatchAsync($"/api/v1/admin/users/{user.Id}", new { videoLimit = 3, maxUploadBytes = 1_000_000 })).ReadJsonAsync();
        Assert.Equal(3, limited.GetProperty("videoLimit").GetInt32());
        Assert.Equal(1_000_000, limited.GetProperty("maxUploadBytes").GetInt64());

        // Absent fields stay; an explicit null means unlimited.
        var unlimited = await (await adminSession.PatchAsync($"/api/v1/admin/users/{user.Id}", new { videoLimit = (int?)null })).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlimited.GetProperty("videoLimit").ValueKind);
        Assert.Equal(1_000_000, unlimited.GetProperty("maxUploadBytes").GetInt64());

        var deactivated = await adminSession.PatchAsync($"/api/v1/admin/users/{user.Id}", new { isActive = false });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        await ProblemAssert.IsProblemAsync(await userSession.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await userSession.PostAsync("/api/v1/auth/refresh"), 401);

        await ProblemAssert.IsProblemAsync(await adminSession.PatchAsync($"/api/v1/admin/users/{admin.Id}", new { isAdmin = false }), 409, "cannot_demote_self");
        await ProblemAssert.IsProblemAsync(await adminSession.PatchAsync($"/api/v1/admin/users/{Guid.NewGuid()}", new { isActive = true }), 404);
        await ProblemAssert.IsProblemAsync(await adminSession.PatchAsync($"/api/v1/admin/users/{user.Id}", new { videoLimit = -1 }), 400, "validation_failed");
    }

    [Fact]
    public async Task Jobs_ShouldShowDeadLetters_AndRetryThem()
    {
        var admin = await Fixture.CreateAsync(admin: true);
        using var session = await Fixture.LoginAsync(admin);
        Guid id;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await JobRows.AddAsync(db, Job.Create("Ping", """{"note":"was dead"}""", DateTimeOffset.UtcNow), JobStatus.Dead, attempts: 5, lastError: "boom");
        }

        var overview = await (await session.GetAsync("/api/v1/admin/jobs")).ReadJsonAsync();
        Assert.Equal(id, overview.GetProperty("jobs").GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("boom", overview.GetProperty("jobs").GetProperty("items")[0].GetProperty("lastError").GetString());
        Assert.True(overview.GetProperty("queue").TryGetProperty("pending", out _));

        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/admin/jobs/{id}/retry")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (job.Status == JobStatus.Succeeded) break;
            Assert.True(DateTime.UtcNow < deadline, $"retried job is {job.Status}");
            await Task.Delay(100);
        }
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/admin/jobs/{id}/retry"), 409, "job_not_retryable");
    }

    [Fact]
    public async Task CreateAdminCli_ShouldCreateAVerifiedAdministrator_ThatCanSignIn()
    {
        var apiDll = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "AskVideo.Api.dll");
        var start = new ProcessStartInfo("dotnet", [apiDll, "create-admin", "--email", "ops@example.test", "--username", "ops", "--password", "an admin passphrase"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in ApiFactory.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {error}");
        Assert.Contains("Administrator ops", output);
        using var session = await Fixture.LoginAsync(new TestUser(Guid.Empty, "ops@example.test", "ops", "an admin passphrase"));
        var me = await (await session.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.True(me.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/admin/users")).StatusCode);
    }
}
