using System.Net;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>
/// A request body of a given length (declared up front) that stops after a given number of bytes until
/// <see cref="Resume"/> is called, like a client on a slow link: the moment to kill the server mid-body.
/// </summary>
public sealed class StallingContent : HttpContent
{
    private readonly long _length;
    private readonly long _stallAfter;
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sent;

    public StallingContent(long length, long stallAfter)
    {
        _length = length;
        _stallAfter = stallAfter;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    public long Sent => Interlocked.Read(ref _sent);

    public void Resume() => _resume.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        Random.Shared.NextBytes(buffer);
        while (_sent < _length)
        {
            if (_sent >= _stallAfter) await _resume.Task.WaitAsync(cancellationToken);
            var limit = _sent < _stallAfter ? _stallAfter : _length;
            var count = (int)Math.Min(buffer.Length, limit - _sent);
            await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            Interlocked.Add(ref _sent, count);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
