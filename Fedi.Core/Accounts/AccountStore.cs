using Dapper;
using Npgsql;

namespace Fedi.Core.Accounts;

/// <summary>SQL for <c>accounts</c> and <c>account_stats</c>.</summary>
public sealed class AccountStore(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT a.id, a.username, a.domain, a.display_name, a.note, a.uri, a.url, a.locked, a.bot,
               a.discoverable, a.suspended_at, a.created_at,
               COALESCE(s.statuses_count, 0) AS statuses_count,
               COALESCE(s.following_count, 0) AS following_count,
               COALESCE(s.followers_count, 0) AS followers_count,
               s.last_status_at, a.fields::text AS fields, a.indexable, a.hide_collections, a.actor_type,
               a.avatar_key, a.avatar_static_key, a.header_key, a.header_static_key
        FROM accounts a LEFT JOIN account_stats s ON s.account_id = a.id
        """;

    /// <summary>
    /// Accounts others may see: not suspended, and for local accounts a confirmed, approved login (Mastodon
    /// answers 404 for the rest, as if they did not exist).
    /// </summary>
    private const string Visible = """
        a.suspended_at IS NULL AND (a.domain IS NOT NULL OR EXISTS (
            SELECT 1 FROM users u WHERE u.account_id = a.id AND u.confirmed_at IS NOT NULL AND u.approved))
        """;

    public async Task<Account?> FindVisibleAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            $"{Select} WHERE a.id = @id AND {Visible}", new { id }, cancellationToken: ct));
    }

    public async Task<Account?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            $"{Select} WHERE a.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>By acct: "alice" (local) or "alice@remote.example"; "alice@&lt;local domain&gt;" is local.</summary>
    public Task<Account?> FindByAcctAsync(string acct, string localDomain, CancellationToken ct = default) =>
        FindByAcctAsync(acct, localDomain, visibleOnly: false, ct);

    /// <summary><see cref="FindByAcctAsync(string,string,CancellationToken)"/> limited to accounts others may see.</summary>
    public Task<Account?> FindVisibleByAcctAsync(string acct, string localDomain, CancellationToken ct = default) =>
        FindByAcctAsync(acct, localDomain, visibleOnly: true, ct);

    private async Task<Account?> FindByAcctAsync(string acct, string localDomain, bool visibleOnly, CancellationToken ct)
    {
        var parts = acct.TrimStart('@').Split('@', 2);
        string? domain = parts.Length == 2 && !string.Equals(parts[1], localDomain, StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            $"{Select} WHERE lower(a.username) = lower(@username) AND COALESCE(lower(a.domain), '') = COALESCE(lower(@domain), '') AND (NOT @visibleOnly OR {Visible})",
            new { username = parts[0], domain, visibleOnly }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Account>> ListAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Account>(new CommandDefinition(
            $"{Select} WHERE a.id = ANY(@ids)", new { ids = ids.Distinct().ToArray() }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>A local account's row inside the caller's sign-up transaction; its id. Collection URLs derive from <paramref name="uri"/>.</summary>
    public Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string username, string uri, string url,
        string sharedInboxUrl, string publicKey, string privateKey, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO accounts (username, uri, url, inbox_url, outbox_url, followers_url, shared_inbox_url, public_key, private_key)
            VALUES (@username, @uri, @url, @uri || '/inbox', @uri || '/outbox', @uri || '/followers', @sharedInbox, @publicKey, @privateKey)
            RETURNING id
            """, new { username, uri, url, sharedInbox = sharedInboxUrl, publicKey, privateKey }, transaction, cancellationToken: ct));

    /// <summary>Writes the profile columns update_credentials may change.</summary>
    public async Task UpdateProfileAsync(Account account, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE accounts SET display_name = @DisplayName, note = @Note, locked = @Locked, bot = @Bot, discoverable = @Discoverable,
                   indexable = @Indexable, hide_collections = @HideCollections, fields = @Fields::jsonb, actor_type = @ActorType,
                   updated_at = now()
            WHERE id = @Id
            """, new
            {
                account.Id, account.DisplayName, account.Note, account.Locked, account.Bot, account.Discoverable,
                account.Indexable, account.HideCollections, account.Fields, account.ActorType,
            }, cancellationToken: ct));
    }
}
