using AskVideo.Application.Common.Interfaces;
using Dapper;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence.Search;

/// <summary>Analytics of a group's chat history in SQL (jsonb citations unnested), read with Dapper (on the read replica when there is one).</summary>
internal sealed class ChatAnalyticsReader(NpgsqlDataSource dataSource, ReadRouting routing) : IChatAnalyticsReader
{
    private sealed record DayRow(DateTime Day, int Count);

    private sealed record FeedbackRow(int Good, int Bad, int None);

    private sealed record SceneRow(Guid SceneId, Guid VideoId, string Title, long StartMs, long EndMs, string Text, int Citations);

    private sealed record QuestionRow(Guid Id, string Question, DateTime CreatedAt);

    public async Task<ChatAnalytics> ReadAsync(Guid ownerId, Guid groupId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await routing.OpenAsync(ownerId, dataSource, cancellationToken);
        var args = new { groupId, since };
        var days = await connection.QueryAsync<DayRow>(new CommandDefinition("""
            SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS day, count(*)::int AS count
            FROM chat_logs WHERE group_id = @groupId AND created_at >= @since GROUP BY 1 ORDER BY 1
            """, args, cancellationToken: cancellationToken));
        var feedback = await connection.QuerySingleAsync<FeedbackRow>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE feedback = 'good')::int AS good, count(*) FILTER (WHERE feedback = 'bad')::int AS bad,
                   count(*) FILTER (WHERE feedback IS NULL)::int AS none
            FROM chat_logs WHERE group_id = @groupId AND created_at >= @since
            """, args, cancellationToken: cancellationToken));
        // Only scenes that still exist: a re-indexed or deleted video's old citations drop out gracefully.
        var scenes = await connection.QueryAsync<SceneRow>(new CommandDefinition("""
            SELECT s.id AS sceneid, s.video_id AS videoid, v.title, s.start_ms AS startms, s.end_ms AS endms, s.text, c.citations
            FROM (SELECT (citation ->> 'sceneId')::uuid AS scene_id, count(*)::int AS citations
                  FROM chat_logs, jsonb_array_elements(citations) AS citation
                  WHERE group_id = @groupId AND created_at >= @since GROUP BY 1) c
            JOIN scenes s ON s.id = c.scene_id JOIN videos v ON v.id = s.video_id
            ORDER BY c.citations DESC, s.start_ms LIMIT 10
            """, args, cancellationToken: cancellationToken));
        var unanswered = await connection.QueryAsync<QuestionRow>(new CommandDefinition("""
            SELECT id, question, created_at AS createdat FROM chat_logs
            WHERE group_id = @groupId AND created_at >= @since AND jsonb_array_length(citations) = 0
            ORDER BY created_at DESC LIMIT 20
            """, args, cancellationToken: cancellationToken));
        return new ChatAnalytics(
            days.Select(d => new DailyCount(DateOnly.FromDateTime(d.Day), d.Count)).ToList(),
            new FeedbackCounts(feedback.Good, feedback.Bad, feedback.None),
            scenes.Select(s => new CitedScene(s.SceneId, s.VideoId, s.Title, s.StartMs, s.EndMs, s.Text, s.Citations)).ToList(),
            unanswered.Select(q => new UnansweredQuestion(q.Id, q.Question, new DateTimeOffset(DateTime.SpecifyKind(q.CreatedAt, DateTimeKind.Utc)))).ToList());
    }
}
