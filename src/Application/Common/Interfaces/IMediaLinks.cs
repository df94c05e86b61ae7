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
