using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Events;

/// <summary>
/// Video status changes over Redis pub/sub, one channel per video. Publishing never fails the caller. A change also
/// sends the owner's next replica reads to the primary for a moment (<see cref="IReadConsistency"/>).
/// </summary>
internal sealed class RedisVideoEvents(RedisConnection redis, IOptions<QueueOptions> options, IReadConsistency consistency, ILogger<RedisVideoEvents> logger) : IVideoEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisChannel Channel(Guid videoId) => RedisChannel.Literal($"{options.Value.KeyPrefix}:video:{videoId:N}");

    private RedisChannel OwnerChannel(Guid ownerId) => RedisChannel.Literal($"{options.Value.KeyPrefix}:owner-videos:{ownerId:N}");

    public async Task PublishAsync(Video video, CancellationToken cancellationToken)
    {
        try
        {
            var payload = JsonSerializer.Serialize(VideoStatusEvent.Of(video), Json);
            // A browser that hears of the change reloads the library: its next reads must see the change (read replica).
            await Task.WhenAll(
                consistency.MarkWrittenAsync(video.OwnerId, CancellationToken.None),
                redis.Subscriber.PublishAsync(Channel(video.Id), payload),
                redis.Subscriber.PublishAsync(OwnerChannel(video.OwnerId), payload));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("Video event not published: {Error}", ex.Message);
        }
    }

    public Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeAsync(Guid videoId, CancellationToken cancellationToken) =>
        SubscribeAsync(Channel(videoId), cancellationToken);

    public Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeToOwnerAsync(Guid ownerId, CancellationToken cancellationToken) =>
        SubscribeAsync(OwnerChannel(ownerId), cancellationToken);

    private async Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeAsync(RedisChannel redisChannel, CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<VideoStatusEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        Action<RedisChannel, RedisValue> handler = (_, value) =>
        {
            var change = JsonSerializer.Deserialize<VideoStatusEvent>((string)value!, Json);
            if (change is not null) channel.Writer.TryWrite(change);
        };
        await redis.Subscriber.SubscribeAsync(redisChannel, handler);
        return ReadAsync(channel.Reader, redisChannel, handler, cancellationToken);
    }

    private async IAsyncEnumerable<VideoStatusEvent> ReadAsync(ChannelReader<VideoStatusEvent> reader, RedisChannel redisChannel, Action<RedisChannel, RedisValue> handler,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                VideoStatusEvent change;
                try
                {
                    change = await reader.ReadAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return change;
            }
        }
        finally
        {
            await redis.Subscriber.UnsubscribeAsync(redisChannel, handler);
        }
    }
}
