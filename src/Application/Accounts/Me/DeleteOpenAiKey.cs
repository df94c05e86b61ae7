using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

public sealed record DeleteOpenAiKeyCommand : ICommand<Unit>;

internal sealed class DeleteOpenAiKeyHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time) : IRequestHandler<DeleteOpenAiKeyCommand, Unit>
{
    public async Task<Unit> Handle(DeleteOpenAiKeyCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        user.RemoveOpenAiKey(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
