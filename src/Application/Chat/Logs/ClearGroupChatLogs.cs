using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Logs;

/// <summary>Deletes the group's whole question-and-answer history.</summary>
public sealed record ClearGroupChatLogsCommand(Guid GroupId) : ICommand<Unit>;

internal sealed class ClearGroupChatLogsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ClearGroupChatLogsCommand, Unit>
{
    public async Task<Unit> Handle(ClearGroupChatLogsCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        await db.ChatLogs.Where(l => l.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
