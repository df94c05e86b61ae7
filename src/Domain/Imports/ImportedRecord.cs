namespace AskVideo.Domain.Imports;

/// <summary>What kind of row of another installation an <see cref="ImportedRecord"/> maps.</summary>
public enum ImportedKind
{
    User = 1,
    Video = 2,
    Group = 3,
    ChatLog = 4,
}

/// <summary>
/// One row of another installation (a VideoQ database) and the AskVideo entity it became, so an import run again
/// brings nothing over twice. It stays when the entity is deleted later: a re-run does not bring back what a user
/// deleted on purpose.
/// </summary>
public sealed class ImportedRecord
{
    private ImportedRecord()
    {
        Source = string.Empty;
        SourceId = string.Empty;
    }

    /// <summary>The installation's label (e.g. "videoq"), so several installations can be imported side by side.</summary>
    public string Source { get; private set; }

    public ImportedKind Kind { get; private set; }

    /// <summary>The row's key in the source installation.</summary>
    public string SourceId { get; private set; }

    public Guid TargetId { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public static ImportedRecord Create(string source, ImportedKind kind, string sourceId, Guid targetId, DateTimeOffset now) =>
        new() { Source = source, Kind = kind, SourceId = sourceId, TargetId = targetId, ImportedAt = now };
}
