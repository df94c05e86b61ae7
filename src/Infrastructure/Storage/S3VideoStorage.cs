using System.Buffers;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.S3.Model;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Storage;

/// <summary>
/// Any S3-compatible store. Uploads of unknown length are cut into parts of <see cref="S3Settings.PartSizeMiB"/> and
/// sent as a multipart upload (one part buffered at a time), aborted on any failure or past the size limit.
/// Media is never proxied: callers get a short-lived presigned URL after authorization.
/// </summary>
internal sealed class S3VideoStorage : IVideoStorage, IStorageProbe, IIncompleteUploadSweep, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3Settings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<S3VideoStorage> _logger;
    private bool _listingUnsupportedLogged;

    public S3VideoStorage(IOptions<StorageOptions> options, TimeProvider time, ILogger<S3VideoStorage> logger)
    {
        _logger = logger;
        _settings = options.Value.S3;
        _time = time;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _settings.ForcePathStyle,
            // S3-compatible servers do not all support the SDK's newer flexible checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromMinutes(5),
            MaxErrorRetry = 3,
        };
        if (string.IsNullOrWhiteSpace(_settings.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(_settings.Region);
        }
        else
        {
            config.ServiceURL = _settings.ServiceUrl;
            config.AuthenticationRegion = _settings.Region;
        }
        AWSCredentials credentials = string.IsNullOrEmpty(_settings.AccessKey)
            ? DefaultAWSCredentialsIdentityResolver.GetCredentials()
            : new BasicAWSCredentials(_settings.AccessKey, _settings.SecretKey);
        _client = new AmazonS3Client(credentials, config);
    }

    private long PartSize => Math.Max(5, _settings.PartSizeMiB) * 1024L * 1024L;

    public async Task<long> SaveAsync(string key, Stream content, string contentType, long? maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)PartSize);
        string? uploadId = null;
        try
        {
            long total = 0;
            var parts = new List<PartETag>();
            while (true)
            {
                var length = await FillAsync(content, buffer, (int)PartSize, cancellationToken);
                total += length;
                if (maxBytes is not null && total > maxBytes) throw new PayloadTooLargeException(maxBytes.Value);
                var last = length < PartSize;
                if (uploadId is null && last)
                {
                    // Small object: a single PUT.
                    using var body = new MemoryStream(buffer, 0, length, writable: false);
                    await _client.PutObjectAsync(new PutObjectRequest { BucketName = _settings.Bucket, Key = key, InputStream = body, ContentType = contentType, AutoCloseStream = false, UseChunkEncoding = false }, cancellationToken);
                    return total;
                }
                uploadId ??= (await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _settings.Bucket, Key = key, ContentType = contentType }, cancellationToken)).UploadId;
                if (length > 0 || parts.Count == 0)
                {
                    using var body = new MemoryStream(buffer, 0, length, writable: false);
                    var part = await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _settings.Bucket, Key = key, UploadId = uploadId, PartNumber = parts.Count + 1, InputStream = body, PartSize = length, UseChunkEncoding = false,
                    }, cancellationToken);
                    parts.Add(new PartETag(parts.Count + 1, part.ETag));
                }
                if (last) break;
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = _settings.Bucket, Key = key, UploadId = uploadId, PartETags = parts }, cancellationToken);
            uploadId = null;
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (uploadId is not null) await AbortAsync(key, uploadId);
        }
    }

    public async Task<long> ImportFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken)
    {
        long size;
        await using (var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
            size = await SaveAsync(key, file, contentType, null, cancellationToken);
        File.Delete(localPath);
        return size;
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_settings.Bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException("file");
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_settings.Bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_settings.Bucket, key, cancellationToken);

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = prefix, ContinuationToken = continuation }, cancellationToken);
            var keys = page.S3Objects?.Select(o => new KeyVersion { Key = o.Key }).ToList() ?? [];
            if (keys.Count > 0)
                await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = _settings.Bucket, Objects = keys }, cancellationToken);
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task<MediaLocation> GetMediaLocationAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(key, cancellationToken)) throw new NotFoundException("file");
        return new MediaLocation.Redirect(new Uri(await PresignAsync(key, contentType)));
    }

    public async Task<ILocalFile> GetLocalFileAsync(string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "askvideo-" + Guid.NewGuid().ToString("N") + Path.GetExtension(key));
        try
        {
            await using var source = await OpenReadAsync(key, cancellationToken);
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, FileOptions.Asynchronous);
            await source.CopyToAsync(target, cancellationToken);
            return new TemporaryFile(path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Task<string> GetProbeInputAsync(string key, CancellationToken cancellationToken) => PresignAsync(key, null);

    /// <summary>
    /// Aborts multipart uploads started before <paramref name="olderThan"/> (a crash between the first part and
    /// the completion leaves one behind, and its parts are billed). Stores that cannot list them answer
    /// NotImplemented: then a bucket lifecycle rule (AbortIncompleteMultipartUpload) has to do it.
    /// </summary>
    public async Task<int> SweepIncompleteAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var aborted = 0;
        string? keyMarker = null, uploadIdMarker = null;
        try
        {
            while (true)
            {
                var page = await _client.ListMultipartUploadsAsync(
                    new ListMultipartUploadsRequest { BucketName = _settings.Bucket, KeyMarker = keyMarker, UploadIdMarker = uploadIdMarker }, cancellationToken);
                foreach (var upload in page.MultipartUploads ?? [])
                {
                    if (upload.Initiated is not { } started || started.ToUniversalTime() >= olderThan.UtcDateTime) continue;
                    await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _settings.Bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);
                    aborted++;
                }
                if (page.IsTruncated != true) return aborted;
                (keyMarker, uploadIdMarker) = (page.NextKeyMarker, page.NextUploadIdMarker);
            }
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotImplemented || ex.ErrorCode == "NotImplemented")
        {
            if (!_listingUnsupportedLogged)
            {
                _listingUnsupportedLogged = true;
                _logger.LogInformation("This S3 store cannot list unfinished multipart uploads; expire them with a bucket lifecycle rule (AbortIncompleteMultipartUpload)");
            }
            return aborted;
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken) =>
        await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, MaxKeys = 1 }, cancellationToken);

    public void Dispose() => _client.Dispose();

    private Task<string> PresignAsync(string key, string? contentType)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _settings.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = _time.GetUtcNow().UtcDateTime.AddMinutes(_settings.PresignMinutes),
            Protocol = _settings.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (contentType is not null) request.ResponseHeaderOverrides.ContentType = contentType;
        return _client.GetPreSignedURLAsync(request);
    }

    /// <summary>An unfinished multipart upload never becomes an object; aborting also frees its parts where supported.</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _settings.Bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
        }
        catch (AmazonS3Exception ex)
        {
            _logger.LogWarning("Could not abort multipart upload of {Key} ({Error}); a bucket lifecycle rule should expire incomplete uploads", key, ex.Message);
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < size)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private sealed class TemporaryFile(string path) : ILocalFile
    {
        public string Path { get; } = path;

        public ValueTask DisposeAsync()
        {
            File.Delete(Path);
            return ValueTask.CompletedTask;
        }
    }
}
