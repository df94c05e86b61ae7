using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using MediatR;

namespace AskVideo.Application.Common.Behaviours;

/// <summary>
/// Secure by default: every request needs a signed-in caller unless it is marked <see cref="IAllowAnonymous"/>.
/// Commands need the write scope when the caller uses a personal API token — anonymous-allowed ones too, since some of
/// them also act on the caller's identity (the owner rates any of their answers); session-only and admin requests need
/// a browser session (a token never acts as an admin); admin requests need an admin.
/// Ownership of individual resources is checked by handlers, which answer 404 for other users' resources.
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand =
        typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ISystemRequest)
        {
            if (currentUser.Method is not AuthMethod.System)
                throw new ForbiddenException(ErrorCode.Forbidden, "This operation is internal.");
            return next();
        }
        if (currentUser.Method == AuthMethod.ApiToken && IsCommand && !currentUser.Scopes.Contains(ApiScopes.Write))
            throw new ForbiddenException(ErrorCode.InsufficientScope, "This API token has read-only scope; a token with the write scope is needed.");

        if (request is IAllowAnonymous) return next();

        if (!currentUser.IsAuthenticated) throw new UnauthenticatedException();

        if (request is (ISessionOnly or IRequireAdmin) && currentUser.Method != AuthMethod.Cookie)
            throw new ForbiddenException(ErrorCode.SessionRequired, "API tokens cannot do this; sign in to AskVideo in the browser instead.");

        if (request is IRequireAdmin && !currentUser.IsAdmin)
            throw new ForbiddenException(ErrorCode.AdminRequired, "Only administrators can do this.");

        return next();
    }
}
