using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Videos.Transcripts;

public sealed record TranscriptSegmentDto(int Index, long StartMs, long EndMs, string Text);

public sealed record SceneDto(Guid Id, int Index, long StartMs, long EndMs, string Text, int TokenCount);

/// <summary>A video's transcript: the raw timed lines and the scenes made from them (both empty until processed).</summary>
public sealed record TranscriptDto(Guid VideoId, string? Language, TranscriptSource? Source, IReadOnlyList<TranscriptSegmentDto> Segments, IReadOnlyList<SceneDto> Scenes);
