namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// The addresses a client fetches a video's bytes from, as DTOs carry them. The routes are the web host's business;
/// Application only asks for a link. Without a share token the link is the owner's endpoint (same authorization as the
/// video); with one, the guest endpoint that the token opens.
/// </summary>
public interface IMediaLinks
{
    string Media(Guid videoId, string? shareToken = null);

    string Thumbnail(Guid videoId, string? shareToken = null);

    string Transcript(Guid videoId, string? shareToken = null);
}

/// <summary>
/// The stand-in for hosts that serve no HTTP (the worker): its container stays complete, and a request that needs
/// links sent there fails with a clear message instead of a wrong URL. The web host replaces it with its routes.
/// </summary>
internal sealed class NoMediaLinks : IMediaLinks
{
    public string Media(Guid videoId, string? shareToken = null) => throw Unavailable();

    public string Thumbnail(Guid videoId, string? shareToken = null) => throw Unavailable();

    public string Transcript(Guid videoId, string? shareToken = null) => throw Unavailable();

    private static InvalidOperationException Unavailable() => new("Media links are made by the web host; this process serves no HTTP.");
}
