using System.Collections.Concurrent;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Revocations for long-lived responses: one Redis subscription per process fans the published revocations out to the
/// local listeners of the user concerned, and <see cref="IsRevokedAsync"/> is the same check the authentication runs.
/// </summary>
public sealed class RedisSessionRevocationSignal(
    RedisConnection redis,
    RedisSessionRevocation revocation,
    ILogger<RedisSessionRevocationSignal> logger) : ISessionRevocationSignal, IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Listener, byte>> _listeners = new();
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private bool _subscribed;

    public Task<bool> IsRevokedAsync(Guid userId, Guid sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        revocation.IsRevokedAsync(new AccessTokenClaims(userId, sessionId, false, issuedAt)).WaitAsync(cancellationToken);

    public async Task<IDisposable> SubscribeAsync(Guid userId, Guid? sessionId, Action onRevoked, CancellationToken cancellationToken)
    {
        var listener = new Listener(this, userId, sessionId, onRevoked);
        _listeners.GetOrAdd(userId, _ => new ConcurrentDictionary<Listener, byte>()).TryAdd(listener, 0);
        await EnsureSubscribedAsync(cancellationToken);
        return listener;
    }

    public void Dispose() => _subscribing.Dispose();

    private async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        if (_subscribed) return;
        await _subscribing.WaitAsync(cancellationToken);
        try
        {
            if (_subscribed) return;
            await redis.Subscriber.SubscribeAsync(revocation.Channel, (_, message) => Dispatch(message));
            _subscribed = true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Tried again by the next subscriber; the stream still ends when its access token can no longer be refreshed.
            logger.LogWarning("Revocation signal not subscribed, Redis unavailable: {Error}", ex.Message);
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private void Dispatch(RedisValue message)
    {
        SessionRevocation? revoked;
        try
        {
            revoked = JsonSerializer.Deserialize<SessionRevocation>((string)message!);
        }
        catch (JsonException)
        {
            return;
        }
        if (revoked is null || !_listeners.TryGetValue(revoked.UserId, out var listeners)) return;
        foreach (var listener in listeners.Keys.Where(l => revoked.Ends(l.UserId, l.SessionId))) listener.Fire();
    }

    private void Remove(Listener listener)
    {
        if (_listeners.TryGetValue(listener.UserId, out var listeners)) listeners.TryRemove(listener, out _);
    }

    private sealed class Listener(RedisSessionRevocationSignal owner, Guid userId, Guid? sessionId, Action onRevoked) : IDisposable
    {
        private int _fired;

        public Guid UserId { get; } = userId;

        public Guid? SessionId { get; } = sessionId;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 1) return;
            owner.Remove(this);
            onRevoked();
        }

        public void Dispose() => owner.Remove(this);
    }
}
