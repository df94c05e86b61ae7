using MediatR;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Common.Behaviours;

/// <summary>Warns about slow requests so they show up in logs without a profiler.</summary>
internal sealed class PerformanceBehaviour<TRequest, TResponse>(ILogger<PerformanceBehaviour<TRequest, TResponse>> logger, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = time.GetTimestamp();
        var response = await next();
        var elapsed = time.GetElapsedTime(started);
        if (elapsed > Threshold && request is not Interfaces.IBackgroundJob)
            logger.LogWarning("Slow request {Request} took {ElapsedMs} ms", typeof(TRequest).Name, (long)elapsed.TotalMilliseconds);
        return response;
    }
}
