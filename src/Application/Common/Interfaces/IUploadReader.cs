namespace AskVideo.Application.Common.Interfaces;

/// <summary>One part of a multipart upload: a form field (no file name) or a file, readable once, in order.</summary>
public sealed record UploadPart(string Name, string? FileName, Stream Body);

/// <summary>
/// Streams a multipart body part by part, so a multi-gigabyte file goes straight to storage without ever being
/// buffered. Implemented by the API host over the HTTP request.
/// </summary>
public interface IUploadReader
{
    /// <summary>The next part, or null at the end. The previous part's body must not be used after this call.</summary>
    Task<UploadPart?> ReadNextAsync(CancellationToken cancellationToken);
}
