using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AskVideo.Infrastructure.Observability;

/// <summary>
/// The app's own instruments on the "AskVideo" meter. OpenTelemetry names them in its semantic style; the Prometheus
/// exporter turns the dots into underscores, adds the unit ("_seconds") and "_total" to counters, so
/// askvideo.job.duration is scraped as askvideo_job_duration_seconds_bucket/_sum/_count. Every tag has a small, fixed
/// set of values (job types, step names, error codes, configured model names): no ids, no user input.
/// </summary>
public sealed class AppMetrics
{
    /// <summary>Job outcomes: each run of a job ends with one of these.</summary>
    public static class Outcome
    {
        public const string Succeeded = "succeeded";

        /// <summary>Failed, and will be retried after a backoff.</summary>
        public const string Retry = "retry";

        /// <summary>Failed permanently (retrying cannot help: bad media, no transcript source…).</summary>
        public const string Failed = "failed";

        /// <summary>Moved to the dead letters (retryable failures exhausted its attempts, or its last attempt never finished).</summary>
        public const string Dead = "dead";

        /// <summary>Its lease was lost while it ran (another worker took it over); this run records nothing.</summary>
        public const string Abandoned = "abandoned";

        /// <summary>Given back on shutdown without counting the attempt.</summary>
        public const string Released = "released";

        public const string Cancelled = "cancelled";
    }

    /// <summary>The AI operations measured in the OpenAI adapters.</summary>
    public static class AiOperation
    {
        public const string Chat = "chat";
        public const string Embeddings = "embeddings";
        public const string Transcription = "transcription";
    }

    // Seconds. Jobs run from well under a second (an email) to an hour (a long video); AI calls from tens of
    // milliseconds (an embedding batch) to minutes (a long answer streamed).
    private static readonly double[] JobBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
    private static readonly double[] AiBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobFailures;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _stepFailures;
    private readonly Histogram<double> _aiDuration;
    private readonly Counter<long> _aiErrors;
    private readonly Counter<long> _aiTokens;

    public AppMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(Telemetry.Name);
        _jobDuration = Meter.CreateHistogram("askvideo.job.duration", "s",
            "Duration of one run of a background job, by job type and outcome.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = JobBuckets });
        _jobFailures = Meter.CreateCounter<long>("askvideo.job.failures", "{run}",
            "Job runs that did not succeed, by job type, outcome (retry, failed, dead, abandoned) and error type.");
        _stepDuration = Meter.CreateHistogram("askvideo.pipeline.step.duration", "s",
            "Duration of one step of a job's pipeline (probe, transcript, split, embed, thumbnail, save), by job type, step and outcome.",
            null, new InstrumentAdvice<double> { HistogramBucketBoundaries = JobBuckets });
        _stepFailures = Meter.CreateCounter<long>("askvideo.pipeline.step.failures", "{step}",
            "Pipeline steps that failed, by job type, step and error type.");
        _aiDuration = Meter.CreateHistogram("askvideo.ai.request.duration", "s",
            "Duration of one request to the AI provider (a chat answer until its last token), by operation, model and outcome.",
            null, new InstrumentAdvice<double> { HistogramBucketBoundaries = AiBuckets });
        _aiErrors = Meter.CreateCounter<long>("askvideo.ai.errors", "{request}",
            "Failed requests to the AI provider, by operation, model and error type.");
        _aiTokens = Meter.CreateCounter<long>("askvideo.ai.tokens", "{token}",
            "Tokens the AI provider reported using, by operation, model and token type (input, output).");
    }

    /// <summary>The "AskVideo" meter, for instruments defined elsewhere (the queue gauges).</summary>
    public Meter Meter { get; }

    /// <summary>One run of a job ended with <paramref name="outcome"/> (see <see cref="Outcome"/>).</summary>
    public void JobFinished(string jobType, string outcome, TimeSpan elapsed, Exception? error = null)
    {
        _jobDuration.Record(elapsed.TotalSeconds, new TagList { { "job.type", jobType }, { "outcome", outcome } });
        if (outcome is not (Outcome.Succeeded or Outcome.Released or Outcome.Cancelled)) JobFailed(jobType, outcome, error);
    }

    /// <summary>A failure that ended no run of this worker's (a job buried because its last attempt never finished).</summary>
    public void JobFailed(string jobType, string outcome, Exception? error) =>
        _jobFailures.Add(1, new TagList { { "job.type", jobType }, { "outcome", outcome }, { "error.type", error is null ? "none" : Telemetry.ErrorType(error) } });

    public void StepFinished(string jobType, string step, TimeSpan elapsed, Exception? error)
    {
        var outcome = error switch
        {
            null => Outcome.Succeeded,
            OperationCanceledException => Outcome.Cancelled,
            _ => Outcome.Failed,
        };
        _stepDuration.Record(elapsed.TotalSeconds, new TagList { { "job.type", jobType }, { "step", step }, { "outcome", outcome } });
        if (outcome == Outcome.Failed)
            _stepFailures.Add(1, new TagList { { "job.type", jobType }, { "step", step }, { "error.type", Telemetry.ErrorType(error!) } });
    }

    /// <summary>One request to the AI provider ended; <paramref name="errorType"/> is null when it succeeded.</summary>
    public void AiRequest(string operation, string model, TimeSpan elapsed, string? errorType)
    {
        _aiDuration.Record(elapsed.TotalSeconds, new TagList { { "ai.operation", operation }, { "ai.model", model }, { "outcome", errorType is null ? "ok" : "error" } });
        if (errorType is not null)
            _aiErrors.Add(1, new TagList { { "ai.operation", operation }, { "ai.model", model }, { "error.type", errorType } });
    }

    /// <summary>Token usage as the provider reported it (nothing is recorded for a count it did not report).</summary>
    public void AiTokens(string operation, string model, long? input, long? output)
    {
        if (input is > 0) _aiTokens.Add(input.Value, new TagList { { "ai.operation", operation }, { "ai.model", model }, { "token.type", "input" } });
        if (output is > 0) _aiTokens.Add(output.Value, new TagList { { "ai.operation", operation }, { "ai.model", model }, { "token.type", "output" } });
    }
}
