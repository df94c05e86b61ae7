using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Groups.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Logs;

/// <summary>A group's questions and answers, newest first.</summary>
public sealed record ListGroupChatLogsQuery(Guid GroupId, int Page, int PageSize) : IQuery<Paged<ChatLogDto>>;

internal sealed class ListGroupChatLogsValidator : AbstractValidator<ListGroupChatLogsQuery>
{
    public ListGroupChatLogsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class ListGroupChatLogsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ListGroupChatLogsQuery, Paged<ChatLogDto>>
{
    public async Task<Paged<ChatLogDto>> Handle(ListGroupChatLogsQuery request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        var logs = db.ChatLogs.AsNoTracking().Where(l => l.GroupId == group.Id);
        var total = await logs.CountAsync(cancellationToken);
        var page = await logs.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Skip(Paging.Skip(request.Page, request.PageSize)).Take(request.PageSize).ToListAsync(cancellationToken);
        return new Paged<ChatLogDto>(page.Select(ChatLogMapping.ToDto).ToList(), request.Page, request.PageSize, total);
    }
}

public static class ChatLogMapping
{
    public static ChatLogDto ToDto(Domain.Chat.ChatLog l) => new(l.Id, l.Question, l.Answer, CitationJson.Read(l.Citations), l.Origin, l.Model,
        l.LatencyMs, l.Feedback, l.FeedbackComment, l.CreatedAt);
}
