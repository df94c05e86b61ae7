using AskVideo.Application.Platform.GetFrontendConfig;
using AskVideo.Integration.Tests.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// Real server errors answer a generic problem+json with a trace id, never the exception: no stack trace, server path,
/// connection string or secret (<see cref="ErrorBodies"/>). Checked with PostgreSQL unreachable, and with an exception
/// whose message carries all of those.
/// </summary>
public class ServerErrorTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Source = "server-errors";

    [Fact]
    public async Task RequestsNeedingTheDatabase_ShouldAnswerAGenericProblem_WhenPostgresIsDown()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=postgres;Password=not-a-real-password;Database=askvideo_down;Timeout=2",
        });
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        // A valid session (same signing key, same Redis): authentication passes, then the handler meets the database.
        var cookies = string.Join("; ", new[] { "access_token", "csrf_token" }.Select(c => $"{c}={session.Cookie(c)}"));
        var failures = new List<string>();

        foreach (var (method, path, body, signedIn) in new (string, string, string?, bool)[]
                 {
                     ("GET", "/api/v1/videos", null, true),
                     ("PATCH", "/api/v1/me", """{"preferredLanguage":"ja"}""", true),
                     ("GET", "/api/v1/shared/" + Application.Common.Security.SecretTokens.Create(), null, false),
                     ("POST", "/api/v1/auth/login", $$"""{"login":"{{user.Email}}","password":"{{user.Password}}"}""", false),
                     ("GET", "/api/v1/health/ready", null, false),
                 })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            if (signedIn)
            {
                request.Headers.Add("Cookie", cookies);
                request.Headers.Add("X-CSRF-Token", session.Cookie("csrf_token"));
            }
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status < 500) failures.Add($"{method} {path} → {status}, expected a 5xx with the database down: {text}");
            else
            {
                failures.AddRange(ErrorBodies.Inspect(Source, $"{method} {path}", status, text));
                await ProblemAssert.IsProblemAsync(response, status);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnUnexpectedException_ShouldAnswer500WithOnlyATraceId()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        await using var host = api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IRequestHandler<GetFrontendConfigQuery, FrontendConfigDto>, ExplodingHandler>()));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.GetAsync("/api/v1/config/frontend");

        var text = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAssert.IsProblemAsync(response, 500, "internal_error");
        Assert.Empty(ErrorBodies.Inspect(Source, "GET /api/v1/config/frontend (exploding)", 500, text));
        Assert.DoesNotContain(ExplodingHandler.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ExplodingHandler), text, StringComparison.Ordinal);
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
    }

    /// <summary>Fails the way a bug would, with everything a careless error page would show in its message.</summary>
    private sealed class ExplodingHandler : IRequestHandler<GetFrontendConfigQuery, FrontendConfigDto>
    {
        public const string Secret = "sk-live-this-must-never-show";

        public Task<FrontendConfigDto> Handle(GetFrontendConfigQuery request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(
                $"Could not read {TestEnvironment.RepoRoot}/src/Api/appsettings.json with Host=127.0.0.1;Username=postgres;Password={Secret}",
                new IOException("/tmp/askvideo/inner failure"));
    }
}
