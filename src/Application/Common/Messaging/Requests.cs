using MediatR;

namespace AskVideo.Application.Common.Messaging;

/// <summary>A request that changes state. Personal API tokens need the <c>write</c> scope to send one.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>Requests are authenticated by default; this marker opts a request out (signup, login, public config).</summary>
public interface IAllowAnonymous;

/// <summary>Only administrators may send this request.</summary>
public interface IRequireAdmin;

/// <summary>Sent by the system itself (background jobs), never from an HTTP request.</summary>
public interface ISystemRequest;
