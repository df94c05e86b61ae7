using System.Diagnostics;

namespace AskVideo.Infrastructure.Observability;

/// <summary>
/// The app's own telemetry sources: the "AskVideo" ActivitySource (job and pipeline-step spans) and the "AskVideo"
/// Meter (see <see cref="AppMetrics"/>). Both are plain System.Diagnostics types: with nothing listening they cost a
/// null check, so the hosts pay for them only when metrics or traces are switched on.
/// </summary>
public static class Telemetry
{
    public const string Name = "AskVideo";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// Starts the span of one run of a job, as a child of the request (or job) that enqueued it when its W3C
    /// traceparent was stored with it, so one trace goes from the HTTP request through the outbox and Redis to the
    /// worker. With no listener on <see cref="Source"/> (no exporter configured) an unrecorded activity is started
    /// anyway: it costs next to nothing per job, and it puts the trace id into the job's log lines.
    /// </summary>
    public static Activity StartJob(string jobType, Guid jobId, int attempt, string? traceParent)
    {
        var name = "job " + jobType;
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        if (activity is null)
        {
            activity = new Activity(name);
            if (parent != default) activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.Start();
        }
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("askvideo.job.type", jobType);
            activity.SetTag("askvideo.job.id", jobId.ToString());
            activity.SetTag("askvideo.job.attempt", attempt);
        }
        return activity;
    }

    /// <summary>The W3C traceparent of the current span, to store with a job enqueued now; null outside any span.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>A short, bounded label for a failure: the application's error code when it has one, else the exception's type.</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        Application.Common.Exceptions.AppException app => app.Code.Value,
        Domain.Common.DomainException domain => domain.Code.Value,
        _ => exception.GetType().Name,
    };
}
