namespace AskVideo.Api.Http;

public static class HttpLimits
{
    /// <summary>Request bodies other than uploads are JSON or subtitles; 10 MiB is generous.</summary>
    public const long DefaultMaxBodyBytes = 10 * 1024 * 1024;
}
