using System.Collections.Concurrent;
using System.Diagnostics;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Security;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>
/// One trace from the HTTP request through the outbox and Redis to the job the consumer runs, and on to its SQL and AI
/// calls: an ActivityListener (what an OpenTelemetry TracerProvider is underneath) sees every span of it.
/// </summary>
public sealed class TracingTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Upload_ShouldBeOneTrace_FromTheRequestThroughTheJob_ToItsSqlAndAiCalls()
    {
        // Arrange: a user with an OpenAI key and a clip without subtitles, so the job calls the (fake) speech recognition.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "AskVideo" or "Npgsql" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var clip = await SpokenClip.MakeAsync("trace", ["The ferry leaves the harbour at noon."], withSubtitleTrack: false);
        var user = await Fixture.CreateAsync();
        var protector = Fixture.Services.GetRequiredService<ISecretProtector>();
        await Fixture.SetUserAsync(user.Id, u => u.SetOpenAiKey(protector.Protect(FakeOpenAi.ValidKey, SecretContext.UserAiKey(user.Id)), "1234", DateTimeOffset.UtcNow));
        using var session = await Fixture.LoginAsync(user);

        // Act
        using var form = TestMedia.Upload(clip.Path);
        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var videoId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        await ProcessingTests.WaitForStatusAsync(session, videoId, "ready");
        // The request id is the trace id when nginx sends none.
        var traceId = ActivityTraceId.CreateFromString(response.Headers.GetValues("X-Request-Id").Single());
        var job = await WaitForSpanAsync(spans, s => s.TraceId == traceId && s.DisplayName == "job ProcessVideo");

        // Assert: the job's span is the child of the upload request's span, across the outbox and Redis.
        // The test's HttpClient starts the trace (its span is the root) and sends it to the API in traceparent.
        var root = spans.Single(s => s.TraceId == traceId && s.ParentSpanId == default);
        Assert.Equal(("System.Net.Http", ActivityKind.Client), (root.Source.Name, root.Kind));
        var request = spans.Single(s => s.TraceId == traceId && s.Source.Name == "Microsoft.AspNetCore" && s.ParentSpanId == root.SpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(request.SpanId, job.ParentSpanId);
        Assert.Equal((ActivityKind.Consumer, "ProcessVideo", "succeeded"), (job.Kind, job.GetTagItem("askvideo.job.type"), job.GetTagItem("askvideo.job.outcome")));
        await using (var scope = CreateScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Type == "ProcessVideo");
            Assert.Equal($"00-{traceId}-{request.SpanId}-01", row.TraceParent);
        }
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        bool Under(Activity span, Activity ancestor)
        {
            for (var parent = span.ParentSpanId; parent != default; parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
                if (parent == ancestor.SpanId) return true;
            return false;
        }

        // Each pipeline step is a span under the job's.
        var steps = trace.Where(s => s.Source.Name == "AskVideo" && s.DisplayName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["step embed", "step probe", "step save", "step split", "step thumbnail", "step transcript"], steps.Select(s => s.DisplayName).Order().ToArray());
        Assert.All(steps, s => Assert.Equal(job.SpanId, s.ParentSpanId));
        // SQL: the request's own statements, and the job's.
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && Under(s, request) && !Under(s, job));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && Under(s, steps.Single(x => x.DisplayName == "step save")));
        // The AI call: the speech recognition request, under the transcript step.
        var transcript = steps.Single(s => s.DisplayName == "step transcript");
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && Under(s, transcript)
            && s.GetTagItem("url.full")?.ToString()?.EndsWith("/v1/audio/transcriptions", StringComparison.Ordinal) == true);
    }

    private static async Task<Activity> WaitForSpanAsync(ConcurrentQueue<Activity> spans, Func<Activity, bool> match)
    {
        // The job's span ends after the video is ready (the outcome is recorded first).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (spans.FirstOrDefault(match) is { } span) return span;
            if (DateTime.UtcNow > deadline) Assert.Fail("The span never ended. Spans seen: " + string.Join(", ", spans.Select(s => s.DisplayName).Distinct()));
            await Task.Delay(50);
        }
    }
}
