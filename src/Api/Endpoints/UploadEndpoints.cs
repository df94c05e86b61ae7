using System.Text.Json;
using AskVideo.Api.Http;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Upload;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Endpoints;

/// <summary>
/// The two ways to upload: one multipart/form-data request (SPEC §3), or the fast path for large files, an
/// announcement (JSON) followed by the bare bytes in one PUT, which nginx writes to disk itself and hands over.
/// </summary>
public static class UploadEndpoints
{
    /// <summary>Set by nginx on its check before it accepts a PUT body: answer whether the body would be accepted (204, 401 or 403).</summary>
    public const string PreflightHeader = "X-Upload-Preflight";

    /// <summary>The body length nginx is about to accept, on the check.</summary>
    public const string LengthHeader = "X-Upload-Length";

    /// <summary>On the check's refusal: the problem, for nginx to answer with (it cannot pass the check's body on).</summary>
    public const string ProblemHeader = "X-Upload-Problem";

    public sealed record CreateUploadRequest(
        string FileName,
        long SizeBytes,
        string? Title,
        string? Description,
        string? Language,
        Guid? GroupId,
        IReadOnlyList<string>? Tags,
        string? SubtitlesFileName,
        string? Subtitles);

    public sealed record UploadSessionResponse(Guid Id, string UploadUrl, long SizeBytes, DateTimeOffset ExpiresAt);

    private static readonly JsonSerializerOptions HeaderJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder api)
    {
        var videos = api.MapGroup("/videos").WithTags("Videos").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        videos.MapPost("", UploadAsync).WithName("UploadVideo")
            .WithSummary("Upload a video or audio file (multipart/form-data: file, title?, description?, language?, subtitles? (.srt/.vtt), groupId?, tags (repeatable, at most 20)). Streams to storage; 201 with the queued video. The fields and any extra parts may total 64 KiB.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        videos.MapPost("/uploads", CreateUploadAsync).WithName("CreateUpload")
            .WithSummary("Announce an upload (the fast path for large files): file name, exact size in bytes, the video's fields and optionally the subtitles' text. Every check that needs no bytes happens here. 201 with the URL to PUT the bytes to within 24 hours.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(413);
        videos.MapPut("/uploads/{id:guid}", PutUploadAsync).WithName("PutUploadContent")
            .WithSummary("The bytes of an announced upload, as the bare body (any content type) with a Content-Length equal to the size announced. Behind nginx the body is written to disk by nginx and handed over, which is as fast as a local copy. 201 with the queued video; an upload completes once.")
            .Produces<VideoDto>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
        return api;
    }

    private static async Task<Created<VideoDto>> UploadAsync(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        // The handler enforces the user's own limit while streaming; Kestrel's default cap does not apply here.
        LiftBodyLimit(context);
        var video = await mediator.Send(new UploadVideoCommand(MultipartUploadForm.Create(context.Request)), cancellationToken);
        return TypedResults.Created(ApiRoutes.Video(video.Id), video);
    }

    private static async Task<Created<UploadSessionResponse>> CreateUploadAsync(CreateUploadRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var session = await mediator.Send(new CreateUploadCommand(body.FileName, body.SizeBytes, body.Title, body.Description, body.Language,
            body.GroupId?.ToString(), body.Tags, body.SubtitlesFileName, body.Subtitles), cancellationToken);
        var url = $"/api/v1/videos/uploads/{session.Id}";
        return TypedResults.Created(url, new UploadSessionResponse(session.Id, url, session.SizeBytes, session.ExpiresAt));
    }

    private static async Task<IResult> PutUploadAsync(Guid id, HttpContext context, IMediator mediator, IOptions<UploadOptions> options,
        ILogger<UploadOptions> logger, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.Headers[PreflightHeader] == "1")
            return await PreflightAsync(id, context, mediator, cancellationToken);

        LiftBodyLimit(context);
        var handedOver = ProxiedUploadBody.Find(context, options.Value, logger);
        var video = handedOver is not null
            ? await mediator.Send(new CompleteUploadCommand(id, new UploadBody.OnDisk(handedOver.FullName), handedOver.Length), cancellationToken)
            : await mediator.Send(new CompleteUploadCommand(id, new UploadBody.Streamed(request.Body), request.ContentLength), cancellationToken);
        return TypedResults.Created(ApiRoutes.Video(video.Id), video);
    }

    /// <summary>
    /// nginx's auth_request only understands 2xx, 401 and 403, so every refusal is one of those two, with the real
    /// problem (its code and message) in <see cref="ProblemHeader"/> for nginx to answer with.
    /// </summary>
    private static async Task<IResult> PreflightAsync(Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var length = long.TryParse(context.Request.Headers[LengthHeader], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        try
        {
            await mediator.Send(new CheckUploadCommand(id, length), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (AppException ex)
        {
            var status = ex is UnauthenticatedException ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            var problem = AppExceptionHandler.ToProblem(ex, context);
            problem.Status = status;
            ProblemDetailsDefaults.Customize(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            // The default encoder escapes everything outside ASCII: the JSON is a valid header value.
            var json = JsonSerializer.Serialize(problem, HeaderJson);
            context.Response.Headers[ProblemHeader] = json;
            return TypedResults.Content(json, "application/problem+json", statusCode: status);
        }
    }

    private static void LiftBodyLimit(HttpContext context)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = null;
    }
}
