namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// A background job: a request the worker sends through the same MediatR pipeline as HTTP requests.
/// The payload is the record itself, serialized as JSON; its stable [JobName] is the job type.
/// Handlers must be idempotent: a job can run more than once after a crash.
/// </summary>
public interface IBackgroundJob : MediatR.IRequest<MediatR.Unit>, Messaging.ISystemRequest;

/// <summary>Transactional enqueue: the job is written with the caller's unit of work and dispatched after commit.</summary>
public interface IJobQueue
{
    /// <summary>Adds the job to the current unit of work. It is committed by the next SaveChangesAsync.</summary>
    Guid Enqueue(IBackgroundJob job, int? maxAttempts = null);

    /// <summary>Like <see cref="Enqueue"/>, for a job that must not run before <paramref name="delay"/> has passed.</summary>
    Guid Schedule(IBackgroundJob job, TimeSpan delay);

    /// <summary>
    /// Whether a job of the same type whose payload contains <paramref name="job"/>'s is still live (pending,
    /// dispatched or running), i.e. will run or is running.
    /// </summary>
    Task<bool> IsLiveAsync(IBackgroundJob job, CancellationToken cancellationToken);
}
