namespace AskVideo.Application.Common.Interfaces;

public sealed record MediaStreamInfo(int Index, string CodecType, string CodecName, string? Language, int? Width, int? Height);

public sealed record MediaProbeResult(
    string FormatName,
    double? DurationSeconds,
    IReadOnlyList<MediaStreamInfo> Streams)
{
    public MediaStreamInfo? FirstVideo => Streams.FirstOrDefault(s => s.CodecType == "video");
    public bool HasAudio => Streams.Any(s => s.CodecType == "audio");
    public IEnumerable<MediaStreamInfo> SubtitleStreams => Streams.Where(s => s.CodecType == "subtitle");
}

/// <summary>Reads media facts with ffprobe. Throws <see cref="Exceptions.UnprocessableException"/> for undecodable input.</summary>
public interface IMediaProbe
{
    Task<MediaProbeResult> ProbeAsync(string input, CancellationToken cancellationToken);
}
