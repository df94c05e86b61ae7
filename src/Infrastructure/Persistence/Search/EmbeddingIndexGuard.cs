using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskVideo.Infrastructure.Persistence.Search;

/// <summary>
/// Refuses to start a host whose embedding configuration disagrees with the vectors already stored, because every
/// search would silently compare incomparable vectors. A database that cannot be reached is not a reason to stop:
/// the host starts and reports not-ready, as with every other dependency.
/// </summary>
internal sealed class EmbeddingIndexGuard(EmbeddingIndex index, ILogger<EmbeddingIndexGuard> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        EmbeddingIndex.Status status;
        try
        {
            status = await index.CheckAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not check the scene index against the embedding configuration at start; continuing");
            return;
        }
        if (status.State == EmbeddingIndexState.Mismatch) throw new InvalidOperationException(status.Message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
