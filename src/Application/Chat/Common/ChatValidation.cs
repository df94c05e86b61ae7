using AskVideo.Application.Common.Validation;
using FluentValidation;

namespace AskVideo.Application.Chat.Common;

internal static class ChatValidation
{
    /// <summary>The conversation: 1–40 turns of "user" or "assistant", non-empty, the last one the user's question.</summary>
    public static void ValidConversation<T>(this IRuleBuilder<T, IReadOnlyList<ChatMessageDto>> rule) =>
        rule.NotEmpty().WithMessage("Ask a question.")
            .Must(m => m.Count <= Answerer.MaxMessages).WithMessage($"At most {Answerer.MaxMessages} messages per request.")
            .WithFieldCode(FieldErrorCode.TooMany, ("max", Answerer.MaxMessages))
            .Must(m => m.Count == 0 || m[^1].Role == "user").WithMessage("The last message must be the user's question.").WithFieldCode(FieldErrorCode.LastMessageNotQuestion)
            .ForEach(message => message.ChildRules(m =>
            {
                m.RuleFor(x => x.Role).Must(r => r is "user" or "assistant").WithMessage("role must be user or assistant.")
                    .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "user, assistant"));
                m.RuleFor(x => x.Content).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("A message cannot be empty.").WithFieldCode(FieldErrorCode.Required)
                    .MaximumLength(Answerer.MaxMessageLength);
            }));
}
