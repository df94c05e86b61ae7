using AskVideo.Domain.Videos;

namespace AskVideo.Application.Videos.Upload;

/// <summary>The limits of an upload besides the user's own size limit. Hosts enforce the form limits while streaming.</summary>
public static class UploadLimits
{
    /// <summary>One text field (title, description…), in bytes.</summary>
    public const int MaxFieldBytes = 16 * 1024;

    /// <summary>Everything of a form that is not one of its two files (fields, ignored parts), in bytes.</summary>
    public const int MaxFormBytes = 64 * 1024;

    public const long MaxSubtitleBytes = 5 * 1024 * 1024;

    /// <summary>Room for the multipart framing around the file when comparing a declared length with the user's limit.</summary>
    public const long MultipartOverheadBytes = 1024 * 1024;

    public const int MaxTags = Video.MaxTags;
}
