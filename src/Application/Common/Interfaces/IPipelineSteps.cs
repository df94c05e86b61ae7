namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// Measures the steps of a background job's pipeline (probe, transcript, split…): each step is a span under the
/// job's and a duration sample tagged with the job type, the step and its outcome, so operators see where jobs spend
/// their time and where they fail. The step's result and exceptions pass through unchanged.
/// </summary>
public interface IPipelineSteps
{
    Task<T> RunAsync<T>(string step, Func<Task<T>> action);

    Task RunAsync(string step, Func<Task> action);
}
