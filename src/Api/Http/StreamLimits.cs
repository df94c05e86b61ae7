using System.ComponentModel.DataAnnotations;
using AskVideo.Api.Auth;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>Long-lived responses: event streams and streamed chat answers (section "Streams").</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Streams";

    /// <summary>
    /// Event streams (library and video events, streamed chat answers) one user may hold open at once across every API
    /// instance; guests asking through a share link are counted per network (an IPv4 address or an IPv6 /64). One more is refused with 429
    /// <c>too_many_streams</c>.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPerUser { get; set; } = 8;

    /// <summary>
    /// How often an open stream checks that its caller is still signed in (a logout, a revocation or the access token's
    /// expiry ends it) and renews its slot. A slot whose API instance died lapses after three of these.
    /// </summary>
    [Range(1, 300)]
    public int SessionCheckSeconds { get; set; } = 20;
}

/// <summary>The event-stream endpoints' guard, added to their route with <see cref="WithStreamLimits"/>.</summary>
internal static class StreamLimits
{
    /// <summary>
    /// Takes one of the caller's stream slots before the handler runs, so a refused stream costs nothing (no
    /// subscription, no retrieval), and keeps watching the caller while it runs; <see cref="ServerSentEvents"/> and
    /// <see cref="AnswerStreaming"/> end the stream with the guard. <paramref name="isStream"/> tells, for endpoints
    /// that answer either way, whether this request asked for a stream.
    /// </summary>
    public static RouteHandlerBuilder WithStreamLimits(this RouteHandlerBuilder builder, Func<EndpointFilterInvocationContext, bool>? isStream = null) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            if (isStream?.Invoke(invocation) == false) return await next(invocation);
            var context = invocation.HttpContext;
            await using var guard = await StreamGuard.OpenAsync(context, context.RequestAborted);
            context.Features.Set(guard);
            return await next(invocation);
        });
}

/// <summary>
/// One open stream: holds one of the caller's stream slots and, every <see cref="StreamOptions.SessionCheckSeconds"/>,
/// renews it and checks that the credential the request came with still holds. <see cref="Token"/> is cancelled when
/// the client goes away or the credential stops holding (<see cref="SessionEnded"/>).
/// </summary>
internal sealed class StreamGuard : IAsyncDisposable
{
    private const string Bucket = "streams";
    private readonly CancellationTokenSource _ended;
    private readonly IConcurrencySlot _slot;
    private readonly Task _watch;
    private IDisposable? _revocation;

    private StreamGuard(IConcurrencySlot slot, TimeSpan interval, TimeProvider time, ICredentialCheck check, AuthMethod method, string? credential,
        CancellationToken requestAborted)
    {
        _slot = slot;
        _ended = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        _watch = WatchAsync(interval, time, check, method, credential);
    }

    public CancellationToken Token => _ended.Token;

    /// <summary>The caller signed out, was revoked or their access token expired while the stream was open.</summary>
    public bool SessionEnded { get; private set; }

    public static async Task<StreamGuard> OpenAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<StreamOptions>>().Value;
        var caller = services.GetRequiredService<ICurrentUser>();
        var interval = TimeSpan.FromSeconds(options.SessionCheckSeconds);
        // Guests count per network (an IPv4 address or an IPv6 /64), like their other budgets.
        var key = caller.UserId is { } userId ? $"user:{userId:N}" : $"ip:{NetworkKey.Of(caller.IpAddress)}";
        var slot = await services.GetRequiredService<IConcurrencyLimiter>()
            .TryAcquireAsync(Bucket, key, options.MaxPerUser, interval * 3, cancellationToken)
            ?? throw new RateLimitedException(interval,
                $"You already have {options.MaxPerUser} live connections open (other tabs or windows, or answers still streaming). Close some, then try again.",
                ErrorCode.TooManyStreams);
        var credential = caller.Method switch
        {
            AuthMethod.Cookie => services.GetRequiredService<AuthCookies>().ReadAccess(context.Request),
            AuthMethod.ApiToken => BearerToken(context.Request),
            _ => null,
        };
        var guard = new StreamGuard(slot, interval, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ICredentialCheck>(),
            caller.Method, credential, cancellationToken);
        if (caller.UserId is { } signedIn && credential is not null)
        {
            // A sign-out or revocation ends the stream at once; the periodic check still covers expiry and a missed signal.
            guard._revocation = await services.GetRequiredService<ISessionRevocationSignal>()
                .SubscribeAsync(signedIn, caller.Method == AuthMethod.Cookie ? caller.SessionId : null, guard.End, cancellationToken);
        }
        return guard;
    }

    private void End()
    {
        SessionEnded = true;
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream already closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _revocation?.Dispose();
        await _ended.CancelAsync();
        await _watch;
        await _slot.DisposeAsync();
        _ended.Dispose();
    }

    private async Task WatchAsync(TimeSpan interval, TimeProvider time, ICredentialCheck check, AuthMethod method, string? credential)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(_ended.Token))
            {
                await _slot.RenewAsync(_ended.Token);
                if (credential is not null && !await check.IsStillValidAsync(method, credential, _ended.Token))
                {
                    SessionEnded = true;
                    await _ended.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    private static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
