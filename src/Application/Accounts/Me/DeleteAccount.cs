using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Accounts.Me;

public sealed record DeleteAccountCommand : ICommand<Unit>;

/// <summary>The account stops working at once; its data is removed by a background job.</summary>
internal sealed class DeleteAccountHandler(IAppDbContext db, ICurrentUser caller, SessionIssuer sessions, IJobQueue jobs, TimeProvider time)
    : IRequestHandler<DeleteAccountCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAccountCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        user.RequestDeletion(time.GetUtcNow());
        jobs.Enqueue(new DeleteAccountJob(userId));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(userId, keepFamilyId: null, cancellationToken);
        return Unit.Value;
    }
}
