using MediatR;

namespace AskVideo.Application.Common.Messaging;

/// <summary>A request that changes state. Personal API tokens need the <c>write</c> scope to send one.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>Requests are authenticated by default; this marker opts a request out (signup, login, public config).</summary>
public interface IAllowAnonymous;

/// <summary>Only administrators may send this request. Implies <see cref="ISessionOnly"/>: a token never acts as an admin.</summary>
public interface IRequireAdmin;

/// <summary>
/// Only a signed-in browser session may send this request, never a personal API token: managing tokens, the
/// password and the account itself, and administration. A stolen token cannot be turned into more access.
/// </summary>
public interface ISessionOnly;

/// <summary>Sent by the system itself (background jobs), never from an HTTP request.</summary>
public interface ISystemRequest;
