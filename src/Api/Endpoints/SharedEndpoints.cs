using AskVideo.Api.Media;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Groups.Sharing;
using AskVideo.Application.Videos.Media;
using AskVideo.Application.Videos.Transcripts;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

/// <summary>
/// Guests with a share link. The token in the path is the only credential: session cookies and API tokens are not
/// consulted, so a signed-in user opening someone else's link is a guest like anyone else.
/// </summary>
public static class SharedEndpoints
{
    public static IEndpointRouteBuilder MapSharedEndpoints(this IEndpointRouteBuilder api)
    {
        var shared = api.MapGroup("/shared/{shareToken}").WithTags("Shared").AllowAnonymous().ProducesProblem(404).ProducesProblem(429);
        shared.MapGet("", GetGroupAsync).WithName("GetSharedGroup")
            .WithSummary("A shared group as guests see it: name, description and videos in order (no owner data). 404 for an unknown or revoked link.");
        shared.MapGet("/videos/{videoId:guid}/media", GetMediaAsync).WithName("GetSharedVideoMedia")
            .WithSummary("A member video's file, with HTTP Range (the same serving path as the owner's).")
            .Produces(200, contentType: "video/mp4").Produces(206, contentType: "video/mp4").Produces(302).ProducesProblem(416);
        shared.MapGet("/videos/{videoId:guid}/thumbnail", GetThumbnailAsync).WithName("GetSharedVideoThumbnail")
            .WithSummary("A member video's thumbnail.").Produces(200, contentType: "image/jpeg").Produces(302);
        shared.MapGet("/videos/{videoId:guid}/transcript", GetTranscriptAsync).WithName("GetSharedVideoTranscript")
            .WithSummary("A member video's transcript, as the owner's: JSON, or ?format=vtt|srt.")
            .Produces<TranscriptDto>(200).ProducesValidationProblem();
        return api;
    }

    private static Task<Ok<SharedGroupDto>> GetGroupAsync(string shareToken, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new GetSharedGroupQuery(shareToken), cancellationToken));

    private static async Task<IResult> GetMediaAsync(string shareToken, Guid videoId, HttpContext context, IMediator mediator, IOptions<MediaServingOptions> media, CancellationToken cancellationToken) =>
        MediaResults.Serve(context, await mediator.Send(new GetSharedVideoMediaQuery(shareToken, videoId, MediaKind.Original), cancellationToken), media.Value);

    private static async Task<IResult> GetThumbnailAsync(string shareToken, Guid videoId, HttpContext context, IMediator mediator, IOptions<MediaServingOptions> media, CancellationToken cancellationToken) =>
        MediaResults.Serve(context, await mediator.Send(new GetSharedVideoMediaQuery(shareToken, videoId, MediaKind.Thumbnail), cancellationToken), media.Value);

    private static async Task<IResult> GetTranscriptAsync(string shareToken, Guid videoId, string? format, IMediator mediator, CancellationToken cancellationToken)
    {
        if (format is null or "json") return TypedResults.Ok(await mediator.Send(new GetSharedTranscriptQuery(shareToken, videoId), cancellationToken));
        return TranscriptFiles.Result(await mediator.Send(new ExportSharedTranscriptQuery(shareToken, videoId, format), cancellationToken), format);
    }
}
