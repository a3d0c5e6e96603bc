using Dapper;
using Fedi.Core.Data;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>SQL for <c>account_domain_blocks</c>: domains a user hides everything from.</summary>
public sealed class AccountDomainBlockStore(NpgsqlDataSource db)
{
    /// <summary>Which of <paramref name="domains"/> (already lower-case) <paramref name="accountId"/> blocks.</summary>
    public async Task<IReadOnlySet<string>> ListBlockedAsync(long accountId, IReadOnlyCollection<string> domains, CancellationToken ct = default)
    {
        if (domains.Count == 0) return new HashSet<string>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<string>(new CommandDefinition("""
            SELECT domain FROM account_domain_blocks WHERE account_id = @accountId AND domain = ANY(@domains)
            """, new { accountId, domains = domains.ToArray() }, cancellationToken: ct));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Which of <paramref name="accountIds"/> are on a domain <paramref name="viewerId"/> blocks (relationship's domain_blocking).</summary>
    public async Task<IReadOnlySet<long>> ListAccountsOnBlockedDomainsAsync(long viewerId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        if (accountIds.Count == 0) return new HashSet<long>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var ids = await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT a.id FROM accounts a
            JOIN account_domain_blocks d ON d.account_id = @viewerId AND d.domain = lower(a.domain)
            WHERE a.id = ANY(@accountIds)
            """, new { viewerId, accountIds = accountIds.ToArray() }, cancellationToken: ct));
        return ids.ToHashSet();
    }

    /// <summary>One page of blocked domains by row id, newest first.</summary>
    public async Task<IReadOnlyList<(long Id, string Domain)>> ListPageAsync(long accountId, Page page, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long, string)>(new CommandDefinition($"""
            SELECT d.id, d.domain FROM account_domain_blocks d
            WHERE d.account_id = @accountId AND {Page.Where("d.id")}
            ORDER BY {page.OrderBy("d.id")}
            LIMIT @limit
            """, new { accountId, maxId = page.MaxId, lowerBound = page.LowerBound, limit = page.Limit }, cancellationToken: ct));
        return page.NewestFirst(rows);
    }

    /// <summary>Idempotent: blocking a domain twice keeps one row. Returns true when a row was added.</summary>
    public async Task<bool> InsertAsync(long accountId, string domain, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_domain_blocks (account_id, domain) VALUES (@accountId, @domain)
            ON CONFLICT (account_id, domain) DO NOTHING
            """, new { accountId, domain }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> DeleteAsync(long accountId, string domain, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM account_domain_blocks WHERE account_id = @accountId AND domain = @domain",
            new { accountId, domain }, cancellationToken: ct)) > 0;
    }
}
