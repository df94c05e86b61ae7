using System.Net.Sockets;
using AskVideo.Infrastructure.Health;
using Npgsql;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.UnitTests.Health;

public class DependencyOutageTests
{
    public static TheoryData<Exception, string?> Failures => new()
    {
        // PostgreSQL stopped: the connection is refused (as EF Core reports it, wrapped).
        { new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))), "PostgreSQL" },
        { new NpgsqlException("Exception while reading from stream", new TimeoutException()), "PostgreSQL" },
        // Shutting down (a restart) and starting up.
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), "PostgreSQL" },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), "PostgreSQL" },
        { new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), "PostgreSQL" },
        { new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connection is available", null, CommandStatus.Unknown), "Redis" },
        { new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent), "Redis" },
        // Not outages: the request or the data is at fault, or the conflict resolves by retrying the transaction.
        { new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), null },
        { new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"), null },
        { new NpgsqlException("A command is already in progress"), null },
        { new InvalidOperationException("Sequence contains no elements"), null },
        { new TimeoutException("ffprobe timed out"), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Find_ShouldNameTheUnreachableDependency_AndNothingElse(Exception failure, string? expected) =>
        Assert.Equal(expected, DependencyOutage.Find(failure));
}
