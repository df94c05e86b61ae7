using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Api.Endpoints;

/// <summary>The API's own addresses, for Location headers and the links in response bodies.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public static string Video(Guid id) => $"{Prefix}/videos/{id}";

    public static string Group(Guid id) => $"{Prefix}/groups/{id}";

    public static string Tag(Guid id) => $"{Prefix}/tags/{id}";

    /// <summary>A video's own endpoint (owner) or its endpoint under a share link (guests).</summary>
    public static string VideoResource(Guid id, string? shareToken, string resource) => shareToken is null
        ? $"{Prefix}/videos/{id}/{resource}"
        : $"{Prefix}/shared/{Uri.EscapeDataString(shareToken)}/videos/{id}/{resource}";
}

/// <summary>Fills the media links of Application's DTOs with this API's routes.</summary>
internal sealed class ApiMediaLinks : IMediaLinks
{
    public string Media(Guid videoId, string? shareToken = null) => ApiRoutes.VideoResource(videoId, shareToken, "media");

    public string Thumbnail(Guid videoId, string? shareToken = null) => ApiRoutes.VideoResource(videoId, shareToken, "thumbnail");

    public string Transcript(Guid videoId, string? shareToken = null) => ApiRoutes.VideoResource(videoId, shareToken, "transcript");
}
