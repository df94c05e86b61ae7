using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Chat.Logs;

/// <summary>
/// Questions per day (the last <see cref="Days"/> days), feedback counts, the most-cited scenes (still existing ones)
/// and questions answered without any citation, i.e. what the videos don't cover.
/// </summary>
public sealed record GetGroupChatAnalyticsQuery(Guid GroupId, int Days = 30) : IQuery<ChatAnalytics>;

internal sealed class GetGroupChatAnalyticsValidator : AbstractValidator<GetGroupChatAnalyticsQuery>
{
    public GetGroupChatAnalyticsValidator() => RuleFor(q => q.Days).InclusiveBetween(1, 366);
}

internal sealed class GetGroupChatAnalyticsHandler(IAppDbContext db, ICurrentUser caller, IChatAnalyticsReader reader, TimeProvider time)
    : IRequestHandler<GetGroupChatAnalyticsQuery, ChatAnalytics>
{
    public async Task<ChatAnalytics> Handle(GetGroupChatAnalyticsQuery request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        return await reader.ReadAsync(group.OwnerId, group.Id, time.GetUtcNow().AddDays(-request.Days), cancellationToken);
    }
}
