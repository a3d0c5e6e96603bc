using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Resolution;

/// <summary>SQL that remote resolution needs: what is already stored under a URL, and how fresh a remote profile is.</summary>
public sealed class ResolutionStore(NpgsqlDataSource db)
{
    /// <summary>The live status whose ActivityPub uri or web url is <paramref name="url"/>.</summary>
    public async Task<long?> FindStatusIdAsync(string url, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT id FROM statuses WHERE (uri = @url OR url = @url) AND deleted_at IS NULL AND reblog_of_id IS NULL
            ORDER BY (uri = @url) DESC LIMIT 1
            """, new { url }, cancellationToken: ct));
    }

    /// <summary>The account whose actor uri or profile url is <paramref name="url"/>.</summary>
    public async Task<long?> FindAccountIdAsync(string url, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT id FROM accounts WHERE (uri = @url AND uri <> '') OR url = @url ORDER BY (uri = @url) DESC LIMIT 1
            """, new { url }, cancellationToken: ct));
    }

    /// <summary>Whether the remote account was last fetched before <paramref name="since"/> (Mastodon's possibly_stale?).</summary>
    public async Task<bool> IsStaleAsync(long accountId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT GREATEST(updated_at, COALESCE(last_webfingered_at, updated_at)) < @since FROM accounts WHERE id = @accountId
            """, new { accountId, since }, cancellationToken: ct));
    }

    /// <summary>Stamps a successful WebFinger of the account.</summary>
    public async Task TouchWebFingeredAsync(long accountId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET last_webfingered_at = now() WHERE id = @accountId", new { accountId }, cancellationToken: ct));
    }
}
