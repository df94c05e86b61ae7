using AskVideo.Api.Http;
using AskVideo.Api.Media;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Events;
using AskVideo.Application.Videos.Manage;
using AskVideo.Application.Videos.Media;
using AskVideo.Application.Videos.Queries;
using AskVideo.Application.Videos.Transcripts;
using AskVideo.Application.Videos.Upload;
using AskVideo.Domain.Transcripts;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class VideoEndpoints
{
    public sealed record UpdateVideoRequest(string? Title, string? Description, IReadOnlyList<string>? Tags);

    public sealed record TranscriptSegmentInput(long StartMs, long EndMs, string Text);

    public sealed record ReplaceTranscriptRequest(IReadOnlyList<TranscriptSegmentInput> Segments);

    public static IEndpointRouteBuilder MapVideoEndpoints(this IEndpointRouteBuilder api)
    {
        var videos = api.MapGroup("/videos").WithTags("Videos").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        videos.MapPost("/sample", AddSampleAsync).WithName("AddSampleVideo")
            .WithSummary("Add the built-in spoken sample clip (with subtitles, generated on this server) to your library, to try the whole flow without an AI key.")
            .ProducesProblem(403);
        videos.MapGet("", ListAsync).WithName("ListVideos")
            .WithSummary("Your videos, paged. ?q= searches title and description; status=, tag= (id or name) filter; sort=createdAt_desc|createdAt_asc|title_asc|title_desc.")
            .ProducesValidationProblem();
        videos.MapGet("/{id:guid}", GetAsync).WithName("GetVideo")
            .WithSummary("A video with its status, progress, error, media facts, tags and groups.").ProducesProblem(404);
        videos.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateVideo")
            .WithSummary("Change title, description or tags (tags replace the set; names, created when new).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        videos.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteVideo")
            .WithSummary("Delete the video with its file, thumbnail, scenes, vectors and group memberships.").ProducesProblem(403).ProducesProblem(404);
        videos.MapPost("/{id:guid}/reprocess", ReprocessAsync).WithName("ReprocessVideo")
            .WithSummary("Queue a ready or failed video for processing again.").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        videos.MapGet("/{id:guid}/media", GetMediaAsync).WithName("GetVideoMedia")
            .WithSummary("The video file, with HTTP Range support (behind nginx via X-Accel-Redirect; with S3 a 302 to a short-lived URL).")
            .Produces(200, contentType: "video/mp4").Produces(206, contentType: "video/mp4").Produces(302).ProducesProblem(404).ProducesProblem(416);
        videos.MapGet("/{id:guid}/thumbnail", GetThumbnailAsync).WithName("GetVideoThumbnail")
            .WithSummary("A JPEG frame made during processing.")
            .Produces(200, contentType: "image/jpeg").Produces(302).ProducesProblem(404);
        videos.MapGet("/{id:guid}/transcript", GetTranscriptAsync).WithName("GetVideoTranscript")
            .WithSummary("The transcript: timed segments and the scenes made from them (empty until processed). ?format=vtt gives WebVTT (usable as a captions <track>), ?format=srt a SubRip download.")
            .Produces<TranscriptDto>(200).ProducesValidationProblem().ProducesProblem(404);
        videos.MapPut("/{id:guid}/transcript", ReplaceTranscriptAsync).WithName("PutVideoTranscript")
            .WithSummary("Replace the transcript with a corrected one: a WebVTT (text/vtt) or SRT (application/x-subrip) body, or JSON {segments: [{startMs, endMs, text}]}. At most 2 MiB. 202: the video is split and indexed again.")
            .Produces<VideoDto>(202).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        videos.MapGet("/events", StreamLibraryEventsAsync).WithName("StreamLibraryEvents")
            .WithSummary("Server-sent events for all your videos over one connection: first `event: ready` (subscribed; refetch your list to catch up), then `event: status` for every change.")
            .Produces(200, contentType: "text/event-stream").WithStreamLimits();
        videos.MapGet("/{id:guid}/events", StreamEventsAsync).WithName("StreamVideoEvents")
            .WithSummary("Server-sent events (event: status) with the video's status and progress, starting with the current state.")
            .Produces(200, contentType: "text/event-stream").ProducesProblem(404).WithStreamLimits();
        return api;
    }

    private static async Task<Created<VideoDto>> AddSampleAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var video = await mediator.Send(new AddSampleVideoCommand(), cancellationToken);
        return TypedResults.Created(ApiRoutes.Video(video.Id), video);
    }

    private static Task<Ok<Paged<VideoDto>>> ListAsync(
        string? q, string? status, string? tag, string? sort, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ListVideosQuery(q, status, tag, sort, page ?? 1, pageSize ?? Paging.DefaultPageSize), cancellationToken));

    private static Task<Ok<VideoDto>> GetAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new GetVideoQuery(id), cancellationToken));

    private static Task<Ok<VideoDto>> UpdateAsync(Guid id, UpdateVideoRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new UpdateVideoCommand(id, body.Title, body.Description, body.Tags), cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteVideoCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<VideoDto>> ReprocessAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new ReprocessVideoCommand(id), cancellationToken));

    private static async Task<IResult> GetMediaAsync(Guid id, HttpContext context, IMediator mediator, IOptions<MediaServingOptions> media, CancellationToken cancellationToken) =>
        MediaResults.Serve(context, await mediator.Send(new GetVideoMediaQuery(id, MediaKind.Original), cancellationToken), media.Value);

    private static async Task<IResult> GetThumbnailAsync(Guid id, HttpContext context, IMediator mediator, IOptions<MediaServingOptions> media, CancellationToken cancellationToken) =>
        MediaResults.Serve(context, await mediator.Send(new GetVideoMediaQuery(id, MediaKind.Thumbnail), cancellationToken), media.Value);

    private static async Task<IResult> GetTranscriptAsync(Guid id, string? format, IMediator mediator, CancellationToken cancellationToken)
    {
        if (format is null or "json") return TypedResults.Ok(await mediator.Send(new GetTranscriptQuery(id), cancellationToken));
        return TranscriptFiles.Result(await mediator.Send(new ExportTranscriptQuery(id, format), cancellationToken), format);
    }

    private static async Task<Accepted<VideoDto>> ReplaceTranscriptAsync(Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > ReplaceTranscriptCommand.MaxBytes) throw new PayloadTooLargeException(ReplaceTranscriptCommand.MaxBytes);
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        var body = await HttpBodies.ReadTextAsync(request, ReplaceTranscriptCommand.MaxBytes, cancellationToken);
        ReplaceTranscriptCommand command;
        switch (mediaType)
        {
            case "application/json":
                var json = HttpBodies.Deserialize<ReplaceTranscriptRequest>(body, context)
                    ?? throw ValidationFailedException.For("body", FieldErrorCode.InvalidBody, "The body must be a JSON object with segments.");
                command = new ReplaceTranscriptCommand(id, null, (json.Segments ?? []).Select(s => new TranscriptLine(s.StartMs, s.EndMs, s.Text)).ToList());
                break;
            case "text/vtt" or "application/x-subrip" or "text/plain" or "application/x-srt" or "text/srt":
                command = new ReplaceTranscriptCommand(id, body, null);
                break;
            default:
                throw new UnsupportedMediaTypeException("Send the transcript as text/vtt, application/x-subrip or application/json.");
        }
        var video = await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted(ApiRoutes.Video(id), video);
    }

    private static async Task StreamEventsAsync(Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var stream = await mediator.Send(new StreamVideoEventsQuery(id), cancellationToken);
        await ServerSentEvents.StreamAsync(context, stream.First, stream.Changes, cancellationToken);
    }

    private static async Task StreamLibraryEventsAsync(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var stream = await mediator.Send(new StreamLibraryEventsQuery(), cancellationToken);
        await ServerSentEvents.StreamAsync(context, stream.First, stream.Changes, cancellationToken);
    }
}

internal static class TranscriptFiles
{
    /// <summary>WebVTT is shown inline (the player's captions track); SRT is offered as a download.</summary>
    public static IResult Result(DownloadFile file, string format) => format == "srt"
        ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName)
        : TypedResults.Text(file.Content, file.ContentType);
}
