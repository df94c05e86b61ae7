using AskVideo.Domain.Chat;

namespace AskVideo.Application.Chat.Common;

/// <summary>A turn of the conversation as clients send it: role "user" or "assistant".</summary>
public sealed record ChatMessageDto(string Role, string Content);

/// <summary>A numbered scene an answer can cite; [n] in the answer text refers to it.</summary>
public sealed record CitationDto(int N, Guid SceneId, Guid VideoId, string Title, long StartMs, long EndMs, string Text);

public sealed record ChatAnswerDto(string Answer, IReadOnlyList<CitationDto> Citations, Guid ChatLogId, string FeedbackToken, string Model);

public sealed record ChatLogDto(Guid Id, string Question, string Answer, IReadOnlyList<CitationDto> Citations, ChatOrigin Origin, string Model,
    int LatencyMs, ChatFeedback? Feedback, string? FeedbackComment, DateTimeOffset CreatedAt);

/// <summary>What a streamed answer emits: the candidate citations first, then text, then the final answer.</summary>
public abstract record AnswerEvent
{
    public sealed record Candidates(IReadOnlyList<CitationDto> Citations) : AnswerEvent;

    public sealed record Delta(string Text) : AnswerEvent;

    public sealed record Done(ChatAnswerDto Answer) : AnswerEvent;
}
