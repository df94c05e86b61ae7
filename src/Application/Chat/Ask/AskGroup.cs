using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Chat;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Chat.Ask;

/// <summary>A question about the videos of one of the caller's groups.</summary>
public sealed record AskGroupQuery(Guid GroupId, IReadOnlyList<ChatMessageDto> Messages) : IQuery<AnswerStream>;

internal sealed class AskGroupValidator : AbstractValidator<AskGroupQuery>
{
    public AskGroupValidator() => RuleFor(q => q.Messages).ValidConversation();
}

internal sealed class AskGroupHandler(IAppDbContext db, ICurrentUser caller, Answerer answerer) : IRequestHandler<AskGroupQuery, AnswerStream>
{
    public async Task<AnswerStream> Handle(AskGroupQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var group = await db.FindOwnedGroupAsync(request.GroupId, userId, cancellationToken);
        var origin = caller.Method == AuthMethod.ApiToken ? ChatOrigin.Api : ChatOrigin.Owner;
        var context = new ChatContext(userId, group.Id, null, group.Members.Select(m => m.VideoId).ToList(), group.Name, group.Description, origin);
        return await answerer.PrepareAsync(context, request.Messages, cancellationToken);
    }
}
