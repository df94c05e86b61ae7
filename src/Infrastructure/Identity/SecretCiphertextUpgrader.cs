using AskVideo.Application.Common.Interfaces;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Rewrites secrets stored in an older format (v1: not bound to their row) as v2, bound to their row: users' OpenAI
/// keys and group share links. Run by <c>migrate</c>; idempotent, and each row is updated only if it still holds the
/// ciphertext that was read, so it is safe next to running instances.
/// </summary>
public sealed class SecretCiphertextUpgrader(NpgsqlDataSource dataSource, ISecretProtector protector, ILogger<SecretCiphertextUpgrader> logger)
{
    private sealed record Row(Guid Id, string Ciphertext);

    /// <summary>Returns how many secrets were rewritten.</summary>
    public async Task<int> UpgradeAsync(CancellationToken cancellationToken)
    {
        var upgraded = await UpgradeAsync("users", "openai_key_ciphertext", SecretContext.UserAiKey, cancellationToken)
            + await UpgradeAsync("video_groups", "share_token_ciphertext", SecretContext.GroupShareToken, cancellationToken);
        if (upgraded > 0) logger.LogInformation("Re-encrypted {Count} secret(s) bound to their rows", upgraded);
        return upgraded;
    }

    private async Task<int> UpgradeAsync(string table, string column, Func<Guid, string> context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT id, {column} AS ciphertext FROM {table} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{AesGcmSecretProtector.CurrentVersion}:%'",
            cancellationToken: cancellationToken));
        var count = 0;
        foreach (var row in rows)
        {
            var plaintext = protector.Unprotect(row.Ciphertext, context(row.Id));
            count += await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET {column} = @next WHERE id = @id AND {column} = @previous",
                new { next = protector.Protect(plaintext, context(row.Id)), id = row.Id, previous = row.Ciphertext },
                cancellationToken: cancellationToken));
        }
        return count;
    }
}
