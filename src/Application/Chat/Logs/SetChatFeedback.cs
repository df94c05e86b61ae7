using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Security;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Chat;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Logs;

/// <summary>
/// Rates an answer good or bad (or clears the rating). The owner may rate any answer about their videos; anyone else
/// needs the feedbackToken that came with the answer, so a guest can rate their own answers and nobody else's.
/// </summary>
public sealed record SetChatFeedbackCommand(Guid ChatLogId, string? Value, string? Comment, string? FeedbackToken) : ICommand<Unit>, IAllowAnonymous;

internal sealed class SetChatFeedbackValidator : AbstractValidator<SetChatFeedbackCommand>
{
    public SetChatFeedbackValidator()
    {
        RuleFor(c => c.Value).Must(v => v is null or "good" or "bad").WithMessage("value must be good, bad or null.")
            .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "good, bad"));
        RuleFor(c => c.Comment).MaximumLength(ChatLog.MaxFeedbackCommentLength);
        RuleFor(c => c.FeedbackToken).MaximumLength(128);
    }
}

internal sealed class SetChatFeedbackHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<SetChatFeedbackCommand, Unit>
{
    public async Task<Unit> Handle(SetChatFeedbackCommand request, CancellationToken cancellationToken)
    {
        var log = await db.ChatLogs.SingleOrDefaultAsync(l => l.Id == request.ChatLogId, cancellationToken);
        var isOwner = log is not null && caller.UserId == log.OwnerId;
        var hasToken = log is not null && request.FeedbackToken is { Length: > 0 } token && SecretTokens.FixedTimeEquals(SecretTokens.Hash(token), log.FeedbackTokenHash);
        if (log is null || !(isOwner || hasToken))
        {
            // Signed-in strangers and guests without the token learn nothing about the log's existence.
            if (!caller.IsAuthenticated && request.FeedbackToken is null) throw new UnauthenticatedException();
            throw new NotFoundException("chat log");
        }
        log.Rate(request.Value switch { "good" => ChatFeedback.Good, "bad" => ChatFeedback.Bad, _ => null }, request.Comment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
