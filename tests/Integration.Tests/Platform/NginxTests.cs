using System.Net;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// The real nginx of the test stack, rendered from nginx/templates/default.conf.template, in front of the test API.
/// Its security headers are checked by Security/SecurityHeadersTests.
/// </summary>
public class NginxTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly HttpClient Nginx = ApiFixture.CreateClient(TestEnvironment.NginxUrl);

    [Fact]
    public async Task Health_ShouldBeAnsweredByNginxItself()
    {
        var response = await Nginx.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_ShouldBeProxied_WithARequestIdFromNginx()
    {
        var response = await Nginx.GetAsync("/api/v1/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Spa_ShouldFallBackToIndexHtml()
    {
        var response = await Nginx.GetAsync("/videos/some/client/route");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<!doctype html>", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task InternalMediaLocation_ShouldNotBeReachableFromOutside()
    {
        var response = await Nginx.GetAsync("/_protected_media/anything.mp4");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ShouldBeServedOnTheirOwnPort_AndNeverThroughNginx()
    {
        // Arrange: the API host serves Prometheus metrics, on a port nginx does not proxy.
        using var http = new HttpClient();
        using var direct = await http.GetAsync($"http://127.0.0.1:{ApiFactory.MetricsPort}/metrics");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Contains("# TYPE askvideo_queue_depth gauge", await direct.Content.ReadAsStringAsync());

        foreach (var path in new[] { "/metrics", "/metrics/", "/api/metrics", "/api/v1/metrics" })
        {
            // Act
            var response = await Nginx.GetAsync(path);

            // Assert: the SPA's page or a 404 problem, never the exposition.
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
            Assert.DoesNotContain("askvideo_", body, StringComparison.Ordinal);
            Assert.NotEqual("text/plain", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task JsonResponses_ShouldBeGzipped_WhenLargeEnough()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/openapi/v1.json");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await Nginx.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }
}
