using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>Statements Npgsql prepares per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>Whether the connection string names "Max Auto Prepare" itself (in any spelling Npgsql accepts).</summary>
    public static bool SetsMaxAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));

    /// <summary>Npgsql connection string. Also read from ConnectionStrings:Postgres.</summary>
    [Required(ErrorMessage = "Set Database:ConnectionString (or ConnectionStrings:Postgres) to the PostgreSQL connection string.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Optional Npgsql connection string of a read replica (a hot standby) for the read-only queries: the library list,
    /// search and chat analytics. Also read from ConnectionStrings:PostgresReadOnly. Empty: everything uses the primary.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    /// <summary>
    /// After a user's own change (any command they send, or a status change of one of their videos), their replica
    /// reads go to the primary for this many seconds, so they see the change at once despite the replica's lag.
    /// 0 turns it off. Only used with a read replica.
    /// </summary>
    public int ReadYourWritesSeconds { get; set; } = 5;

    public bool HasReadReplica => !string.IsNullOrWhiteSpace(ReadOnlyConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasReadReplica && !IsConnectionString(ReadOnlyConnectionString!))
            // The value is not echoed: it may hold a password.
            yield return new ValidationResult(
                "Database:ReadOnlyConnectionString (ConnectionStrings:PostgresReadOnly) is not a valid Npgsql connection string (Host=…;Database=…;Username=…;Password=…).",
                [nameof(ReadOnlyConnectionString)]);
        if (ReadYourWritesSeconds is < 0 or > 300)
            yield return new ValidationResult("Database:ReadYourWritesSeconds must be between 0 and 300.", [nameof(ReadYourWritesSeconds)]);
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
