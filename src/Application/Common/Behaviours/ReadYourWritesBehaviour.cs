using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;

namespace AskVideo.Application.Common.Behaviours;

/// <summary>
/// A command that a signed-in user's request completed may have changed their data: their next reads come from the
/// primary for a moment (<see cref="IReadConsistency"/>), so the list they reload shows the change even with a read
/// replica. Queries, failed commands and system requests mark nothing.
/// </summary>
internal sealed class ReadYourWritesBehaviour<TRequest, TResponse>(ICurrentUser currentUser, IReadConsistency consistency) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand =
        typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (IsCommand && request is not ISystemRequest && currentUser.UserId is { } userId)
            await consistency.MarkWrittenAsync(userId, CancellationToken.None);
        return response;
    }
}
