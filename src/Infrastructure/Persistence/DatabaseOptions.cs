using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Persistence;

public sealed class DatabaseOptions
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
}
