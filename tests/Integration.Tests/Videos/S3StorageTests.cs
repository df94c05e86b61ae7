using System.Net;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Media;
using AskVideo.Infrastructure.Storage;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>The S3 adapter against s3rver, a real S3-compatible HTTP server started by the test stack.</summary>
public class S3StorageTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly int Port = int.Parse(Environment.GetEnvironmentVariable("S3_PORT") ?? "4569", System.Globalization.CultureInfo.InvariantCulture);

    private static S3VideoStorage CreateStorage(int partSizeMiB = 5) => new(Options.Create(new StorageOptions
    {
        Provider = "s3",
        S3 = new S3Settings
        {
            Bucket = "askvideo-test",
            Region = "us-east-1",
            ServiceUrl = $"http://127.0.0.1:{Port}",
            ForcePathStyle = true,
            AccessKey = "S3RVER",
            SecretKey = "S3RVER",
            PresignMinutes = 2,
            PartSizeMiB = partSizeMiB,
        },
    }), TimeProvider.System, NullLogger<S3VideoStorage>.Instance);

    private static string Prefix() => $"users/{Guid.NewGuid():N}/";

    [Fact]
    public async Task SmallObjects_ShouldRoundTrip_AndBeDeletedByPrefix()
    {
        using var storage = CreateStorage();
        var prefix = Prefix();
        var content = "hello s3"u8.ToArray();

        var size = await storage.SaveAsync(prefix + "videos/a/original.mp4", new MemoryStream(content), "video/mp4", 1000, CancellationToken.None);
        await storage.SaveAsync(prefix + "videos/a/subtitles.vtt", new MemoryStream("WEBVTT"u8.ToArray()), "text/vtt", null, CancellationToken.None);

        Assert.Equal(content.Length, size);
        Assert.True(await storage.ExistsAsync(prefix + "videos/a/original.mp4", CancellationToken.None));
        await using (var read = await storage.OpenReadAsync(prefix + "videos/a/original.mp4", CancellationToken.None))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        await storage.DeletePrefixAsync(prefix, CancellationToken.None);

        Assert.False(await storage.ExistsAsync(prefix + "videos/a/original.mp4", CancellationToken.None));
        Assert.False(await storage.ExistsAsync(prefix + "videos/a/subtitles.vtt", CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => storage.OpenReadAsync(prefix + "videos/a/original.mp4", CancellationToken.None));
    }

    [Fact]
    public async Task LargeObjects_ShouldUseMultipartUpload_OfANonSeekableStream()
    {
        using var storage = CreateStorage(partSizeMiB: 5);
        var key = Prefix() + "big.bin";
        var content = new byte[12 * 1024 * 1024 + 123];
        new Random(42).NextBytes(content);

        var size = await storage.SaveAsync(key, new NonSeekableStream(content), "application/octet-stream", null, CancellationToken.None);

        Assert.Equal(content.Length, size);
        await using var local = await storage.GetLocalFileAsync(key, CancellationToken.None);
        Assert.Equal(content, await File.ReadAllBytesAsync(local.Path));
        await storage.DeleteAsync(key, CancellationToken.None);
    }

    [Fact]
    public async Task OversizedUploads_ShouldBeAborted_LeavingNoObject()
    {
        using var storage = CreateStorage(partSizeMiB: 5);
        var key = Prefix() + "too-big.bin";
        var content = new byte[11 * 1024 * 1024];

        await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            storage.SaveAsync(key, new NonSeekableStream(content), "application/octet-stream", 6 * 1024 * 1024, CancellationToken.None));

        Assert.False(await storage.ExistsAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Media_ShouldBeAPresignedRedirect_ThatServesTheBytesWithRange_AndProbeShouldReadIt()
    {
        using var storage = CreateStorage();
        var key = Prefix() + "clip.mp4";
        var bytes = await File.ReadAllBytesAsync(await TestMedia.VideoAsync());
        await storage.SaveAsync(key, new MemoryStream(bytes), "video/mp4", null, CancellationToken.None);

        var location = Assert.IsType<MediaLocation.Redirect>(await storage.GetMediaLocationAsync(key, "video/mp4", CancellationToken.None));
        Assert.Contains("X-Amz-Signature", location.Url.Query);
        var expires = int.Parse(System.Text.RegularExpressions.Regex.Match(location.Url.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, 100, 125); // PresignMinutes = 2, give or take the SDK rounding against its own clock
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, location.Url);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[..10], await response.Content.ReadAsByteArrayAsync());

        var tampered = new Uri(location.Url.ToString().Replace("clip.mp4", "other.mp4", StringComparison.Ordinal));
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync(tampered)).StatusCode);

        var probe = new FfprobeMediaProbe(new FfmpegRunner(Options.Create(new MediaOptions())), Options.Create(new MediaOptions()), NullLogger<FfprobeMediaProbe>.Instance);
        var facts = await probe.ProbeAsync(await storage.GetProbeInputAsync(key, CancellationToken.None), CancellationToken.None);
        Assert.NotNull(facts.FirstVideo);
        await storage.DeleteAsync(key, CancellationToken.None);
    }

    [Fact]
    public async Task ReadinessProbe_ShouldReachTheBucket()
    {
        using var storage = CreateStorage();
        await storage.CheckAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => new S3VideoStorage(Options.Create(new StorageOptions
        {
            Provider = "s3",
            S3 = new S3Settings { Bucket = "no-such-bucket", ServiceUrl = $"http://127.0.0.1:{Port}", ForcePathStyle = true, AccessKey = "S3RVER", SecretKey = "S3RVER" },
        }), TimeProvider.System, NullLogger<S3VideoStorage>.Instance).CheckAsync(CancellationToken.None));
    }

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, data.Length - _position), 64 * 1024);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
