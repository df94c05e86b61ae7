using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Domain.Common;
using AskVideo.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Infrastructure.Queue;

/// <summary>A failure that retrying cannot fix (bad media, missing configuration, unknown job type).</summary>
public sealed class PermanentJobFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Runs one job in its own DI scope, as the system, through the MediatR pipeline.</summary>
public sealed class JobExecutor(IServiceScopeFactory scopes, JobTypeRegistry registry, IServiceProviderIsService services)
{
    /// <summary>
    /// Whether this process has a handler for the job type. A worker of an older or partial version leaves such jobs on
    /// the queue for one that can run them, instead of failing them.
    /// </summary>
    public bool CanRun(string jobType) => _canRun.GetOrAdd(jobType, name =>
        registry.TypeOf(name) is not { } type || services.IsService(typeof(IRequestHandler<,>).MakeGenericType(type, typeof(Unit))));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _canRun = new(StringComparer.Ordinal);

    public async Task ExecuteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        IBackgroundJob request;
        try
        {
            request = registry.Read(job.Type, job.Payload);
        }
        catch (FormatException ex)
        {
            throw new PermanentJobFailureException(ex.Message, ex.InnerException);
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().SetSystem();
        var context = scope.ServiceProvider.GetRequiredService<JobContext>();
        (context.Type, context.Attempt, context.MaxAttempts) = (job.Type, job.Attempts, job.MaxAttempts);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(request, cancellationToken);
    }

    /// <summary>Whether retrying could help. Errors in the input or the rules will fail the same way again.</summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        PermanentJobFailureException => true,
        UnprocessableException or NotFoundException or ValidationFailedException or ForbiddenException => true,
        UpstreamException upstream => !upstream.Transient,
        DomainException => true,
        _ => false,
    };
}
