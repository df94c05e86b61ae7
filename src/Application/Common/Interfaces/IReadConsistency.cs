namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// Read-your-writes for reads that may come from a read replica (the library list, search, chat analytics), which lags
/// the primary by a moment: after an owner's data changed, their reads come from the primary for a short window.
/// </summary>
public interface IReadConsistency
{
    /// <summary>Records that <paramref name="ownerId"/>'s data just changed. Never fails the caller.</summary>
    Task MarkWrittenAsync(Guid ownerId, CancellationToken cancellationToken);
}
