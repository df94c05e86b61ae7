using AskVideo.Application.Common.Security;
using AskVideo.Domain.Users;
using AskVideo.Infrastructure.Persistence;
using Dapper;

namespace AskVideo.Infrastructure.Identity;

public sealed record ApiTokenPrincipal(Guid TokenId, Guid UserId, bool IsAdmin, IReadOnlyCollection<string> Scopes);

/// <summary>Resolves a personal API token (by its hash) to its user; expired tokens and disabled users get nothing.</summary>
public sealed class ApiTokenAuthenticator(StatelessReadPool pool, TimeProvider time)
{
    // Npgsql reads timestamptz as UTC DateTime.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid UserId { get; init; }
        public string[] Scopes { get; init; } = [];
        public DateTime? ExpiresAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public bool IsAdmin { get; init; }
        public bool IsActive { get; init; }
        public DateTime? EmailVerifiedAt { get; init; }
        public DateTime? DeletionRequestedAt { get; init; }
    }

    public async Task<ApiTokenPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        await using var connection = await pool.DataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT t.id, t.user_id AS userid, t.scopes, t.expires_at AS expiresat, t.last_used_at AS lastusedat,
                   u.is_admin AS isadmin, u.is_active AS isactive, u.email_verified_at AS emailverifiedat, u.deletion_requested_at AS deletionrequestedat
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @hash
            """, new { hash = SecretTokens.Hash(token) }, cancellationToken: cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null || (row.ExpiresAt is not null && row.ExpiresAt <= now) || !row.IsActive || row.EmailVerifiedAt is null || row.DeletionRequestedAt is not null)
            return null;

        // Recording every use would turn each read into a write; once a minute is precise enough.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_tokens SET last_used_at = @now WHERE id = @id", new { now = time.GetUtcNow(), id = row.Id }, cancellationToken: cancellationToken));
        }
        return new ApiTokenPrincipal(row.Id, row.UserId, row.IsAdmin, row.Scopes);
    }
}
