using System.Diagnostics;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;

namespace AskVideo.Infrastructure.Observability;

/// <summary>A span ("step NAME", child of the job's) and an askvideo.pipeline.step.duration sample per step.</summary>
internal sealed class PipelineSteps(AppMetrics metrics, JobContext job, TimeProvider time) : IPipelineSteps
{
    public async Task<T> RunAsync<T>(string step, Func<Task<T>> action)
    {
        using var activity = Telemetry.Source.StartActivity("step " + step);
        activity?.SetTag("askvideo.step", step);
        var started = time.GetTimestamp();
        try
        {
            var result = await action();
            metrics.StepFinished(job.Type, step, time.GetElapsedTime(started), null);
            return result;
        }
        catch (Exception ex)
        {
            metrics.StepFinished(job.Type, step, time.GetElapsedTime(started), ex);
            activity?.SetStatus(ActivityStatusCode.Error, Telemetry.ErrorType(ex));
            throw;
        }
    }

    public Task RunAsync(string step, Func<Task> action) => RunAsync(step, async () =>
    {
        await action();
        return true;
    });
}
