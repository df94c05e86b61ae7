using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

public sealed record DeleteApiTokenCommand(Guid Id) : ICommand<Unit>, ISessionOnly;

internal sealed class DeleteApiTokenHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeleteApiTokenCommand, Unit>
{
    public async Task<Unit> Handle(DeleteApiTokenCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var deleted = await db.ApiTokens.Where(t => t.Id == request.Id && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) throw new NotFoundException("API token");
        return Unit.Value;
    }
}
