namespace AskVideo.Application.Common.Interfaces;

/// <summary>The text fields of an upload: everything but the files.</summary>
public sealed record UploadFields(string? Title, string? Description, string? Language, string? GroupId, IReadOnlyList<string> Tags)
{
    public static readonly UploadFields Empty = new(null, null, null, null, []);
}

/// <summary>Which file of an upload a stream carries.</summary>
public enum UploadFileRole
{
    Media,
    Subtitles,
}

/// <summary>A file arriving with an upload: the client's file name (kept as metadata only) and its bytes, readable once.</summary>
public sealed record IncomingFile(UploadFileRole Role, string FileName, Stream Content);

/// <summary>
/// An upload as the host receives it: text fields, at most one media file and at most one subtitles file, in
/// whatever order the client sent them. The host owns the wire format and its limits (it refuses an oversized or
/// overlong form while streaming); the application only sees fields and file streams, so a multi-gigabyte file
/// goes straight to storage without ever being buffered.
/// </summary>
public interface IUploadForm
{
    /// <summary>The length of the whole upload as the client announced it, if it did.</summary>
    long? DeclaredLength { get; }

    /// <summary>
    /// Reads the upload to its end. Each file is handed to <paramref name="receiveFile"/> as it arrives; its stream
    /// is only valid during that call. Returns the text fields.
    /// </summary>
    Task<UploadFields> ReadAsync(Func<IncomingFile, CancellationToken, Task> receiveFile, CancellationToken cancellationToken);
}

/// <summary>The bytes of a single-file upload as the host received them.</summary>
public abstract record UploadBody
{
    /// <summary>A stream to read once, such as a request body.</summary>
    public sealed record Streamed(Stream Content) : UploadBody;

    /// <summary>A complete file the host already has on local disk (such as a body nginx wrote); storage takes it over.</summary>
    public sealed record OnDisk(string Path) : UploadBody;
}
