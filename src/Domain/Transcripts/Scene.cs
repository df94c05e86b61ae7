namespace AskVideo.Domain.Transcripts;

/// <summary>
/// A coherent stretch of a video's transcript, the unit of retrieval and citation. Its vector and full-text columns
/// live only in the database (written by the scene index), so the entity carries the text and times.
/// </summary>
public sealed class Scene
{
    private Scene()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid VideoId { get; private set; }
    public Guid OwnerId { get; private set; }
    public int Index { get; private set; }
    public long StartMs { get; private set; }
    public long EndMs { get; private set; }
    public string Text { get; private set; }
    public int TokenCount { get; private set; }

    /// <summary>The embedding model that made this scene's vector (null while a re-index has not reached it).</summary>
    public string? EmbeddingModel { get; private set; }
}

/// <summary>A raw timed line of a video's transcript, as stored (from ASR, subtitles or an edit).</summary>
public sealed class TranscriptSegment
{
    private TranscriptSegment()
    {
        Text = string.Empty;
    }

    public Guid VideoId { get; private set; }
    public int Index { get; private set; }
    public long StartMs { get; private set; }
    public long EndMs { get; private set; }
    public string Text { get; private set; }
}
