using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Storage;

/// <summary>A storage that can find what interrupted uploads left behind (partial files, unfinished multipart uploads).</summary>
internal interface IIncompleteUploadSweep
{
    /// <summary>Removes incomplete uploads last written before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> SweepIncompleteAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

/// <summary>Another local folder of upload temp files to sweep (such as the one nginx writes upload bodies to).</summary>
public sealed record TemporaryUploadDirectory(string Path);

/// <summary>
/// Removes what crashed or abandoned uploads leave behind, in every host: partial files in the local store's
/// <c>.tmp</c> folder and in the other registered temp folders, and unfinished S3 multipart uploads (where the store
/// can list them; otherwise a bucket lifecycle rule must expire them). Runs at start and then every
/// <see cref="StorageOptions.SweepIntervalMinutes"/>; only files untouched for
/// <see cref="StorageOptions.IncompleteUploadMaxAgeMinutes"/> go, so an upload in progress is never cut.
/// </summary>
public sealed class IncompleteUploadSweeper(
    IVideoStorage storage,
    IEnumerable<TemporaryUploadDirectory> directories,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<IncompleteUploadSweeper> logger) : BackgroundService
{
    /// <summary>One pass; returns how many files and uploads it removed.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var olderThan = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.IncompleteUploadMaxAgeMinutes);
        var removed = storage is IIncompleteUploadSweep sweep ? await sweep.SweepIncompleteAsync(olderThan, cancellationToken) : 0;
        foreach (var directory in directories) removed += DeleteFilesOlderThan(directory.Path, olderThan);
        if (removed > 0) logger.LogInformation("Removed {Count} incomplete uploads older than {Cutoff:u}", removed, olderThan);
        return removed;
    }

    /// <summary>Deletes the files directly in <paramref name="directory"/> last written before <paramref name="olderThan"/>.</summary>
    internal static int DeleteFilesOlderThan(string directory, DateTimeOffset olderThan)
    {
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= olderThan.UtcDateTime) continue;
            try
            {
                file.Delete();
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already (another host swept it) or not ours to delete: the next pass tries again.
            }
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes), time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping incomplete uploads failed; trying again in {Minutes} minutes", options.Value.SweepIntervalMinutes);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
