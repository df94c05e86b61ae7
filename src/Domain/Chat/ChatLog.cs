using AskVideo.Domain.Common;

namespace AskVideo.Domain.Chat;

/// <summary>Who asked: the owner in the app, an integrator with an API token, or a guest with a share link.</summary>
public enum ChatOrigin
{
    Owner = 1,
    Share = 2,
    Api = 3,
}

public enum ChatFeedback
{
    Good = 1,
    Bad = 2,
}

/// <summary>One question and its answer, kept for the history, feedback and analytics of its group or video.</summary>
public sealed class ChatLog
{
    public const int MaxFeedbackCommentLength = 2000;

    private ChatLog()
    {
        Question = string.Empty;
        Answer = string.Empty;
        Citations = "[]";
        Model = string.Empty;
        FeedbackTokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public Guid? GroupId { get; private set; }
    public Guid? VideoId { get; private set; }
    public ChatOrigin Origin { get; private set; }
    public string Question { get; private set; }
    public string? RewrittenQuestion { get; private set; }
    public string Answer { get; private set; }

    /// <summary>The citations the answer used, as JSON (kept as text so a deleted video leaves them readable).</summary>
    public string Citations { get; private set; }

    public string Model { get; private set; }
    public int LatencyMs { get; private set; }
    public int? PromptTokens { get; private set; }
    public int? CompletionTokens { get; private set; }
    public ChatFeedback? Feedback { get; private set; }
    public string? FeedbackComment { get; private set; }

    /// <summary>Hash of the token the asker got with the answer: it lets a guest rate their own answer, and only that.</summary>
    public string FeedbackTokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ChatLog Create(Guid ownerId, Guid? groupId, Guid? videoId, ChatOrigin origin, string question, string? rewrittenQuestion,
        string answer, string citationsJson, string model, int latencyMs, int? promptTokens, int? completionTokens, string feedbackTokenHash, DateTimeOffset now)
    {
        if (groupId is null == videoId is null) throw new DomainException(ErrorCode.InvalidChatScope, "A chat log belongs to exactly one group or one video.");
        return new ChatLog
        {
            Id = Ids.New(),
            OwnerId = ownerId,
            GroupId = groupId,
            VideoId = videoId,
            Origin = origin,
            Question = question,
            RewrittenQuestion = rewrittenQuestion,
            Answer = answer,
            Citations = citationsJson,
            Model = model,
            LatencyMs = Math.Max(0, latencyMs),
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            FeedbackTokenHash = feedbackTokenHash,
            CreatedAt = now,
        };
    }

    /// <summary>Sets or clears the rating; a comment only stays with a rating.</summary>
    public void Rate(ChatFeedback? feedback, string? comment)
    {
        Feedback = feedback;
        var trimmed = comment?.Trim();
        FeedbackComment = feedback is null || string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, MaxFeedbackCommentLength)];
    }
}
