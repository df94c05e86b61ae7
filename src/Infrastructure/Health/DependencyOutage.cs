using Npgsql;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Health;

/// <summary>
/// Recognizes a failure that means a dependency is unreachable or restarting right now (PostgreSQL refusing connections
/// or shutting down, Redis disconnected or timing out), wherever it sits in the chain of inner exceptions (EF Core wraps
/// them). The hosts answer such a failure with 503 and Retry-After instead of 500: nothing is wrong with the request,
/// and the same request works once the dependency is back.
/// </summary>
public static class DependencyOutage
{
    /// <summary>The dependency that is unavailable ("PostgreSQL", "Redis"), or null when the failure is something else.</summary>
    public static string? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection exceptions, insufficient resources (too many connections), shutdown or start-up in progress,
                // system errors. Not the other transient states (serialization failures, deadlocks): those are not outages.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal) ||
                                               pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("58", StringComparison.Ordinal):
                    return "PostgreSQL";
                case PostgresException:
                    return null;
                // Refused or broken sockets and timeouts while connecting or talking to the server.
                case NpgsqlException { IsTransient: true }:
                    return "PostgreSQL";
                case RedisConnectionException or RedisTimeoutException:
                    return "Redis";
            }
        }
        return null;
    }
}
