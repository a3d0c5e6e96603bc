using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>
/// Blocks, mutes and domain blocks on every REST read path, written once (Mastodon's StatusFilter,
/// excluded_from_timeline_account_ids and AccountStatusesFilter). The conditions are SQL over a status
/// aliased <c>s</c> and the parameter <c>@viewerId</c> (null: anonymous, nothing hidden), so timelines
/// filter inside their own query and pages stay full; the Redis-backed feeds filter a page in one query.
/// </summary>
public sealed class StatusFilterStore(NpgsqlDataSource db)
{
    /// <summary>True when the viewer blocks, mutes (unexpired) or is blocked by account <c>@account</c>, or blocks its domain; never the viewer itself.</summary>
    private const string Excluded = """
        EXISTS (SELECT 1 FROM accounts x WHERE x.id = @account AND x.id <> @viewerId AND (
            EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = @viewerId AND b.target_account_id = x.id)
            OR EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = x.id AND b.target_account_id = @viewerId)
            OR EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = @viewerId AND m.target_account_id = x.id
                       AND (m.expires_at IS NULL OR m.expires_at > now()))
            OR EXISTS (SELECT 1 FROM account_domain_blocks d WHERE d.account_id = @viewerId AND d.domain = lower(x.domain))))
        """;

    private static string ExcludedAccount(string account) => Excluded.Replace("@account", account, StringComparison.Ordinal);

    private const string RebloggedAuthor = "(SELECT r.account_id FROM statuses r WHERE r.id = s.reblog_of_id)";

    /// <summary>
    /// Public, hashtag, home and list timelines: a status is left out when its author or, for a reblog, the
    /// reblogged author is excluded for the viewer (<see cref="Excluded"/>).
    /// </summary>
    public static readonly string VisibleOnTimeline = $"""
        (@viewerId::bigint IS NULL OR NOT ({ExcludedAccount("s.account_id")} OR {ExcludedAccount(RebloggedAuthor)}))
        """;

    /// <summary>
    /// A profile: nothing when its owner blocks the viewer; the viewer's own blocks and mutes of the owner do
    /// not empty it (Mastodon shows a blocked account's posts on its profile), but reblogs of excluded authors go.
    /// </summary>
    public static readonly string VisibleOnProfile = $"""
        (@viewerId::bigint IS NULL OR NOT (
            EXISTS (SELECT 1 FROM blocks ob WHERE ob.account_id = s.account_id AND ob.target_account_id = @viewerId)
            OR {ExcludedAccount(RebloggedAuthor)}))
        """;

    /// <summary>
    /// Who may read a status aliased <c>s</c> at all (<see cref="StatusPolicy"/> in SQL): its author; anyone for
    /// public and unlisted; followers for private; mentioned accounts for every visibility.
    /// </summary>
    public const string ReadableByViewer = """
        (@viewerId::bigint = s.account_id
         OR s.visibility IN (0, 1)
         OR (s.visibility = 2 AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = @viewerId AND f.target_account_id = s.account_id))
         OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = @viewerId))
        """;

    /// <summary>The live statuses among <paramref name="ids"/> that a timeline shows <paramref name="viewerId"/>, newest first.</summary>
    public async Task<IReadOnlyList<Status>> ListVisibleAsync(IReadOnlyCollection<long> ids, long viewerId, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Status>(new CommandDefinition($"""
            SELECT {StatusStore.Columns} FROM statuses s
            WHERE s.id = ANY(@ids) AND s.deleted_at IS NULL AND {VisibleOnTimeline}
            ORDER BY s.id DESC
            """, new { ids = ids.Distinct().ToArray(), viewerId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Whether the status's author, or the reblogged author, blocks the viewer: then it is not theirs to read (Mastodon's author_blocking?).</summary>
    public async Task<bool> IsBlockedByAuthorAsync(Status status, long viewerId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM blocks b WHERE b.target_account_id = @viewerId
                AND b.account_id IN (@authorId, (SELECT r.account_id FROM statuses r WHERE r.id = @reblogOfId)))
            """, new { viewerId, authorId = status.AccountId, reblogOfId = status.ReblogOfId }, cancellationToken: ct));
    }
}
