using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Chat;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Ask;

/// <summary>A question about one of the caller's videos. A read-scoped API token may ask (the log is a record, not an edit).</summary>
public sealed record AskVideoQuery(Guid VideoId, IReadOnlyList<ChatMessageDto> Messages) : IQuery<AnswerStream>;

internal sealed class AskVideoValidator : AbstractValidator<AskVideoQuery>
{
    public AskVideoValidator() => RuleFor(q => q.Messages).ValidConversation();
}

internal sealed class AskVideoHandler(IAppDbContext db, ICurrentUser caller, Answerer answerer) : IRequestHandler<AskVideoQuery, AnswerStream>
{
    public async Task<AnswerStream> Handle(AskVideoQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        if (!await db.Videos.AnyAsync(v => v.Id == request.VideoId && v.OwnerId == userId, cancellationToken)) throw new NotFoundException("video");
        var origin = caller.Method == AuthMethod.ApiToken ? ChatOrigin.Api : ChatOrigin.Owner;
        return await answerer.PrepareAsync(new ChatContext(userId, null, request.VideoId, [request.VideoId], null, null, origin), request.Messages, cancellationToken);
    }
}
