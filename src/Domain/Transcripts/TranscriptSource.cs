namespace AskVideo.Domain.Transcripts;

/// <summary>Where a video's transcript came from, in the order the pipeline tries them (SPEC §4.2).</summary>
public enum TranscriptSource
{
    /// <summary>An SRT/VTT file uploaded with the video.</summary>
    Subtitles = 1,

    /// <summary>A subtitle stream inside the media file.</summary>
    Embedded = 2,

    /// <summary>Speech recognition.</summary>
    Asr = 3,

    /// <summary>The owner's own edit of the transcript.</summary>
    Edit = 4,
}
