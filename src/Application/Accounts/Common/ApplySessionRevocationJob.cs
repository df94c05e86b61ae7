using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>
/// Queued with every revocation, in its transaction: makes it effective for live access tokens and open streams even
/// when Redis was down at the time (the queue retries while it stays down). Applying twice is harmless.
/// </summary>
[JobName("ApplySessionRevocation")]
public sealed record ApplySessionRevocationJob(SessionRevocation Revocation, DateTimeOffset RevokedAt) : IBackgroundJob;

internal sealed class ApplySessionRevocationJobHandler(ISessionRevocation revocation, IOptions<AuthOptions> auth, TimeProvider time)
    : IRequestHandler<ApplySessionRevocationJob, Unit>
{
    public async Task<Unit> Handle(ApplySessionRevocationJob request, CancellationToken cancellationToken)
    {
        // Access tokens issued before the revocation have all expired by now: nothing is left to revoke.
        if (time.GetUtcNow() - request.RevokedAt > TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes + 1)) return Unit.Value;
        if (!await revocation.ApplyAsync(request.Revocation, cancellationToken))
            throw new UpstreamException(ErrorCode.RevocationStoreUnavailable, "Redis is unreachable; the revocation will be retried.", transient: true);
        return Unit.Value;
    }
}
