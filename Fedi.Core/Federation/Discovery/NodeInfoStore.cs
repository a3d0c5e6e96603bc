using Dapper;
using Npgsql;

namespace Fedi.Core.Federation.Discovery;

/// <summary>NodeInfo's usage counts: users, users active in the last 4 and 24 weeks, local posts.</summary>
public sealed record NodeInfoUsage(long Total, long ActiveMonth, long ActiveHalfyear, long LocalPosts);

/// <summary>SQL for NodeInfo's usage, over <c>users</c> and <c>statuses</c>.</summary>
public sealed class NodeInfoStore(NpgsqlDataSource db)
{
    public async Task<NodeInfoUsage> ReadAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<NodeInfoUsage>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM users u JOIN accounts a ON a.id = u.account_id
                    WHERE a.suspended_at IS NULL AND u.confirmed_at IS NOT NULL AND u.approved) AS total,
                   (SELECT count(*) FROM users WHERE current_sign_in_at > now() - interval '28 days') AS activemonth,
                   (SELECT count(*) FROM users WHERE current_sign_in_at > now() - interval '168 days') AS activehalfyear,
                   (SELECT count(*) FROM statuses WHERE local AND deleted_at IS NULL) AS localposts
            """, cancellationToken: ct));
    }
}
