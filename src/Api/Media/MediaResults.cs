using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Media;
namespace AskVideo.Api.Media;

/// <summary>How the API host serves media (section "Media", shared with the media tools' settings).</summary>
public sealed class MediaServingOptions
{
    public const string SectionName = "Media";

    /// <summary>Answer media requests that came through nginx with X-Accel-Redirect (nginx then serves the bytes).</summary>
    public bool AccelRedirect { get; set; } = true;
}

/// <summary>
/// Serves media after authorization: a 302 to a presigned URL for S3; behind nginx, an X-Accel-Redirect so nginx
/// streams the file (with Range) from its internal location; otherwise the file itself with Range support.
/// </summary>
public static class MediaResults
{
    public const string AccelHeader = "X-Media-Accel";

    public static IResult Serve(HttpContext context, MediaResult media, MediaServingOptions options)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        switch (media.Location)
        {
            case MediaLocation.Redirect redirect:
                // A presigned URL is a credential for the file: set by hand, because the framework's redirect result
                // logs its destination (at Information), and nothing may write this URL to a log.
                headers.CacheControl = "no-store";
                headers.Location = redirect.Url.AbsoluteUri;
                return TypedResults.StatusCode(StatusCodes.Status302Found);
            case MediaLocation.LocalFile file:
                headers.CacheControl = "private, max-age=3600";
                var prefix = context.Request.Headers[AccelHeader].ToString();
                if (options.AccelRedirect && IsSafePrefix(prefix))
                {
                    headers["X-Accel-Redirect"] = prefix + string.Join('/', file.RelativeKey.Split('/').Select(Uri.EscapeDataString));
                    headers.ContentType = media.ContentType;
                    return TypedResults.Ok();
                }
                return TypedResults.PhysicalFile(file.Path, media.ContentType, enableRangeProcessing: true);
            default:
                throw new InvalidOperationException("Unknown media location.");
        }
    }

    private static bool IsSafePrefix(string prefix) =>
        prefix.Length is > 2 and < 64 && prefix.StartsWith('/') && prefix.EndsWith('/') && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-');
}
