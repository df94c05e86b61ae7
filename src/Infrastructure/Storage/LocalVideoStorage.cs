using System.Buffers;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Storage;

/// <summary>
/// Files under <see cref="StorageOptions.LocalRoot"/>. Writes go to a temporary file first and are moved into place
/// only when complete, so a failed or oversized upload never leaves a partial object behind.
/// </summary>
public sealed class LocalVideoStorage : IVideoStorage, IIncompleteUploadSweep
{
    // Writes of 256 KiB: the piece just read is still in the CPU cache when it is copied to the page cache (1 MiB
    // pieces copy about half as fast; a few KiB per write costs more in system calls).
    private const int BufferSize = 256 * 1024;
    private readonly string _root;

    public LocalVideoStorage(IOptions<StorageOptions> options)
    {
        _root = Path.GetFullPath(options.Value.LocalRoot);
        Directory.CreateDirectory(_root);
    }

    public async Task<long> SaveAsync(string key, Stream content, string contentType, long? maxBytes, CancellationToken cancellationToken)
    {
        var target = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(TempDir(), Guid.NewGuid().ToString("N"));
        long total = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await FillAsync(content, buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (maxBytes is not null && total > maxBytes) throw new PayloadTooLargeException(maxBytes.Value);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            File.Move(temp, target, overwrite: true);
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            TryDelete(temp);
        }
    }

    public Task<long> ImportFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var target = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // A rename when both are on one file system; otherwise .NET copies and deletes.
        File.Move(localPath, target, overwrite: true);
        return Task.FromResult(new FileInfo(target).Length);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path)) throw new NotFoundException("file");
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathFor(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (File.Exists(path)) File.Delete(path);
        RemoveEmptyParents(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var path = PathFor(prefix.TrimEnd('/'));
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else if (File.Exists(path)) File.Delete(path);
        RemoveEmptyParents(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task<MediaLocation> GetMediaLocationAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path)) throw new NotFoundException("file");
        return Task.FromResult<MediaLocation>(new MediaLocation.LocalFile(path, key));
    }

    public Task<ILocalFile> GetLocalFileAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path)) throw new NotFoundException("file");
        return Task.FromResult<ILocalFile>(new ExistingFile(path));
    }

    public Task<string> GetProbeInputAsync(string key, CancellationToken cancellationToken) => Task.FromResult(PathFor(key));

    /// <summary>Partial writes a crash left in <c>.tmp</c> (a finished write is moved out at once, a failed one deleted).</summary>
    public Task<int> SweepIncompleteAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        Task.FromResult(IncompleteUploadSweeper.DeleteFilesOlderThan(TempDir(), olderThan));

    /// <summary>Checks the root is writable (readiness).</summary>
    public async Task CheckWritableAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(TempDir(), ".ready-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(probe, "ok", cancellationToken);
        File.Delete(probe);
    }

    /// <summary>Maps a key to a path inside the root; keys are generated, but a key escaping the root is refused anyway.</summary>
    public string PathFor(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains('\\') || key.Contains('\0') || Path.IsPathRooted(key) || key.Split('/').Any(p => p is ".." or "."))
            throw new ArgumentException("Invalid storage key.", nameof(key));
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid storage key.", nameof(key));
        return full;
    }

    private string TempDir()
    {
        var dir = Path.Combine(_root, ".tmp");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private void RemoveEmptyParents(string directory)
    {
        var dir = directory;
        while (dir.Length > _root.Length && dir.StartsWith(_root, StringComparison.Ordinal) && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir)!;
        }
    }

    /// <summary>Reads until the buffer is full or the content ends: a socket hands over a few KiB at a time, and one
    /// write per few KiB costs more than the copy itself.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < BufferSize && (read = await content.ReadAsync(buffer.AsMemory(filled, BufferSize - filled), cancellationToken)) > 0) filled += read;
        return filled;
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is never served, and IncompleteUploadSweeper removes it later.
        }
    }

    private sealed class ExistingFile(string path) : ILocalFile
    {
        public string Path { get; } = path;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
