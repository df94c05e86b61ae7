namespace AskVideo.Application.Common.Interfaces;

public sealed record DailyCount(DateOnly Date, int Count);

public sealed record FeedbackCounts(int Good, int Bad, int None);

public sealed record CitedScene(Guid SceneId, Guid VideoId, string Title, long StartMs, long EndMs, string Text, int Citations);

public sealed record UnansweredQuestion(Guid ChatLogId, string Question, DateTimeOffset CreatedAt);

public sealed record ChatAnalytics(IReadOnlyList<DailyCount> QuestionsPerDay, FeedbackCounts Feedback, IReadOnlyList<CitedScene> TopScenes, IReadOnlyList<UnansweredQuestion> Unanswered);

/// <summary>Aggregates over a group's chat history (SQL-shaped, read through Dapper; possibly from a read replica).</summary>
public interface IChatAnalyticsReader
{
    /// <summary><paramref name="ownerId"/> owns the group (reads right after their own writes come from the primary).</summary>
    Task<ChatAnalytics> ReadAsync(Guid ownerId, Guid groupId, DateTimeOffset since, CancellationToken cancellationToken);
}
