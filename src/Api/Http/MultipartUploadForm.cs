using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Upload;
using AskVideo.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AskVideo.Api.Http;

/// <summary>
/// An upload sent as multipart/form-data, read straight off the request body part by part (no form buffering, no
/// IFormFile): the "file" and "subtitles" parts are handed over as streams, the other parts are read as text
/// fields. Everything that is not one of those two files (fields, unknown or repeated parts) shares a budget of
/// <see cref="UploadLimits.MaxFormBytes"/>, and more than <see cref="UploadLimits.MaxTags"/> tags are refused as soon
/// as they arrive, so no form can make the server hold or read more than that before answering. A truncated or
/// malformed body becomes a 400, not a 500.
/// </summary>
internal sealed class MultipartUploadForm(MultipartReader reader, long? declaredLength) : IUploadForm
{
    private const int ReadBufferBytes = 256 * 1024;

    /// <summary>What each part costs the form budget besides its body (its headers are bounded separately).</summary>
    private const int PartOverheadBytes = 256;

    private long _formBytes;

    public long? DeclaredLength { get; } = declaredLength;

    public static MultipartUploadForm Create(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException("Send the upload as multipart/form-data with the file in a \"file\" field.");
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
            throw ValidationFailedException.For("file", FieldErrorCode.InvalidBody, "The multipart/form-data boundary is missing or invalid.");
        // A large read buffer means fewer boundary scans and bigger writes (the default 4 KiB costs ~30% of throughput).
        return new MultipartUploadForm(new MultipartReader(boundary, request.Body, ReadBufferBytes) { HeadersLengthLimit = 16 * 1024 }, request.ContentLength);
    }

    public async Task<UploadFields> ReadAsync(Func<IncomingFile, CancellationToken, Task> receiveFile, CancellationToken cancellationToken)
    {
        string? title = null, description = null, language = null, groupId = null;
        var tags = new List<string>();
        bool media = false, subtitles = false;
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            Spend(PartOverheadBytes);
            var body = new GuardedStream(section.Body);
            var (name, fileName) = Describe(section);
            if (fileName is not null && ((name == "file" && !media) || (name == "subtitles" && !subtitles)))
            {
                var role = name == "file" ? UploadFileRole.Media : UploadFileRole.Subtitles;
                media |= role == UploadFileRole.Media;
                subtitles |= role == UploadFileRole.Subtitles;
                await receiveFile(new IncomingFile(role, fileName, body), cancellationToken);
                await SkipAsync(body, cancellationToken); // whatever the receiver left unread
                continue;
            }
            switch (fileName is null ? name : null)
            {
                case "title": title = await ReadTextAsync(body, name, cancellationToken); break;
                case "description": description = await ReadTextAsync(body, name, cancellationToken); break;
                case "language": language = await ReadTextAsync(body, name, cancellationToken); break;
                case "groupId": groupId = NullIfEmpty(await ReadTextAsync(body, name, cancellationToken)); break;
                case "tags" or "tags[]":
                    tags.AddRange((await ReadTextAsync(body, "tags", cancellationToken)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    if (tags.Count > UploadLimits.MaxTags) throw ValidationFailedException.For("tags", new FieldError(FieldErrorCode.TooMany, $"At most {UploadLimits.MaxTags} tags.", new Dictionary<string, object> { ["max"] = UploadLimits.MaxTags }));
                    break;
                default:
                    // Unknown and repeated parts are read past and ignored, within the budget.
                    await SkipAsync(body, cancellationToken);
                    break;
            }
        }
        return new UploadFields(title, description, language, groupId, tags);
    }

    private async Task<MultipartSection?> NextSectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw Interrupted();
        }
    }

    private static (string Name, string? FileName) Describe(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data"))
            return (string.Empty, null);
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        return (name, UploadFileName.Clean(fileName));
    }

    private async Task<string> ReadTextAsync(Stream body, string field, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(UploadLimits.MaxFieldBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, UploadLimits.MaxFieldBytes + 1 - total), cancellationToken)) > 0)
            {
                Spend(read);
                total += read;
                if (total > UploadLimits.MaxFieldBytes) throw ValidationFailedException.For(field, new FieldError(FieldErrorCode.TooLarge, "This field is too long.", new Dictionary<string, object> { ["maxBytes"] = UploadLimits.MaxFieldBytes }));
            }
            var text = Encoding.UTF8.GetString(buffer, 0, total).Trim();
            if (text.Contains('\0', StringComparison.Ordinal)) throw ValidationFailedException.For(field, FieldErrorCode.InvalidCharacters, "Text must not contain NUL characters.");
            return text;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SkipAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0) Spend(read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Spend(int bytes)
    {
        _formBytes += bytes;
        if (_formBytes > UploadLimits.MaxFormBytes)
            throw new PayloadTooLargeException(ErrorCode.FormTooLarge,
                $"The upload's fields and extra parts are larger than {UploadLimits.MaxFormBytes / 1024} KiB together. Send one file, optional subtitles and the documented fields.",
                UploadLimits.MaxFormBytes);
    }

    private static ValidationFailedException Interrupted() =>
        ValidationFailedException.For("file", FieldErrorCode.InvalidBody, "The upload was interrupted or is not valid multipart/form-data.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Turns a truncated body discovered mid-part into a clean 400.</summary>
    private sealed class GuardedStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        // Called once per few KiB the socket delivers (a million times for 2 GiB): pooled, so it allocates nothing.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException && ex is not Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                throw Interrupted();
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Reads are asynchronous.");
        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
