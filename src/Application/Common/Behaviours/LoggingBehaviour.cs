using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Common.Behaviours;

/// <summary>Logs each request by name and caller. Request bodies are never logged: they can hold passwords and keys.</summary>
internal sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        logger.LogDebug("Handling {Request} for {UserId} via {AuthMethod}", name, currentUser.UserId, currentUser.Method);
        try
        {
            return await next();
        }
        catch (AppException ex)
        {
            logger.LogInformation("{Request} ended with {ErrorCode}", name, ex.Code);
            throw;
        }
    }
}
