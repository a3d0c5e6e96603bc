using Dapper;
using Fedi.Core.Configuration;
using Npgsql;

namespace Fedi.Core.Search;

/// <summary>
/// SQL behind account search (Mastodon's AccountSearchService, without Elasticsearch): visible accounts whose
/// username, <c>user@domain</c> or display name starts with the query, the exact acct first, then (when asked)
/// accounts the viewer follows, then the best known. The trigram indexes of migration 0070 serve the prefixes.
/// </summary>
public sealed class AccountSearchStore(NpgsqlDataSource db, InstanceOptions instance)
{
    /// <param name="username">the part before '@' (the whole query when it has none).</param>
    /// <param name="domain">the part after '@', a prefix too; null: any domain, or the local one when given empty.</param>
    public async Task<IReadOnlyList<long>> SearchAsync(string username, string? domain, string? displayName,
        long? viewerId, bool followingOnly, int limit, int offset, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT a.id
            FROM accounts a LEFT JOIN account_stats st ON st.account_id = a.id
            WHERE a.suspended_at IS NULL
              AND (a.domain IS NOT NULL OR EXISTS (
                   SELECT 1 FROM users u WHERE u.account_id = a.id AND u.confirmed_at IS NOT NULL AND u.approved AND NOT u.disabled))
              AND ((lower(a.username) LIKE @usernamePrefix
                    AND (@domainPrefix::text IS NULL OR lower(COALESCE(a.domain, @localDomain)) LIKE @domainPrefix))
                   OR (@displayPrefix::text IS NOT NULL AND lower(a.display_name) LIKE @displayPrefix))
              AND (NOT @followingOnly OR EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @viewerId AND f.target_account_id = a.id))
              AND (@viewerId::bigint IS NULL OR NOT EXISTS (
                   SELECT 1 FROM blocks b WHERE (b.account_id = @viewerId AND b.target_account_id = a.id)
                                             OR (b.account_id = a.id AND b.target_account_id = @viewerId)))
            ORDER BY (lower(a.username) = @usernameExact
                      AND (@domainExact::text IS NULL OR lower(COALESCE(a.domain, @localDomain)) = @domainExact)) DESC,
                     EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @viewerId AND f.target_account_id = a.id) DESC,
                     (a.domain IS NULL) DESC,
                     COALESCE(st.followers_count, 0) DESC,
                     a.id
            LIMIT @limit OFFSET @offset
            """, new
        {
            usernamePrefix = SearchPattern.Prefix(username), usernameExact = username.ToLowerInvariant(),
            domainPrefix = domain is null ? null : SearchPattern.Prefix(domain), domainExact = domain?.ToLowerInvariant(),
            displayPrefix = displayName is null ? null : SearchPattern.Prefix(displayName),
            localDomain = instance.LocalDomain.ToLowerInvariant(), viewerId, followingOnly, limit, offset,
        }, cancellationToken: ct));
        return ids.AsList();
    }
}
