using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Npgsql connection string. Also read from ConnectionStrings:Postgres.</summary>
    [Required(ErrorMessage = "Set Database:ConnectionString (or ConnectionStrings:Postgres) to the PostgreSQL connection string.")]
    public string ConnectionString { get; set; } = string.Empty;
}
