using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Chat;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Chat.Ask;

/// <summary>A guest's question about a shared group (share token only), logged with origin "share" and throttled.</summary>
public sealed record AskSharedQuery(string ShareToken, IReadOnlyList<ChatMessageDto> Messages) : IQuery<AnswerStream>, IAllowAnonymous;

internal sealed class AskSharedValidator : AbstractValidator<AskSharedQuery>
{
    public AskSharedValidator() => RuleFor(q => q.Messages).ValidConversation();
}

internal sealed class AskSharedHandler(IAppDbContext db, GuestThrottle throttle, RateLimitGuard guard, IOptions<RateLimitOptions> limits, Answerer answerer)
    : IRequestHandler<AskSharedQuery, AnswerStream>
{
    public async Task<AnswerStream> Handle(AskSharedQuery request, CancellationToken cancellationToken)
    {
        await throttle.EnforceAsync(request.ShareToken, cancellationToken);
        // Questions cost the owner model calls: a tighter budget per link than page and media views.
        await guard.EnforceAsync("share-chat", SecretTokens.Hash(request.ShareToken), limits.Value.SharedChatPerToken, cancellationToken,
            "Too many questions through this share link. Wait a moment and try again.");
        var group = await db.FindSharedGroupAsync(request.ShareToken, cancellationToken);
        var context = new ChatContext(group.OwnerId, group.Id, null, group.Members.Select(m => m.VideoId).ToList(), group.Name, group.Description, ChatOrigin.Share);
        return await answerer.PrepareAsync(context, request.Messages, cancellationToken);
    }
}
