using Dapper;
using Fedi.Testing;
using Npgsql;

namespace Fedi.Worker.Tests.Support;

/// <summary>
/// Rows written straight into an instance's database, for tests of jobs whose web-side triggers are not
/// what is under test: local accounts with users, follows, statuses, mentions.
/// </summary>
public sealed class TestData(string connectionString)
{
    public async Task<long> AccountAsync(int signedInDaysAgo = 0)
    {
        var username = RandomNames.Unique("u");
        await using var conn = new NpgsqlConnection(connectionString);
        var id = await conn.QuerySingleAsync<long>("""
            INSERT INTO accounts (username, uri, url) VALUES (@username, '', NULL) RETURNING id
            """, new { username });
        await conn.ExecuteAsync("""
            INSERT INTO users (account_id, email, encrypted_password, confirmed_at, current_sign_in_at)
            VALUES (@id, @email, 'x', now(), now() - make_interval(days => @signedInDaysAgo))
            """, new { id, email = $"{username}@example.com", signedInDaysAgo });
        return id;
    }

    /// <summary>Many local accounts at once (all signed in today), for batch tests.</summary>
    public async Task<IReadOnlyList<long>> AccountsAsync(int count)
    {
        var prefix = RandomNames.Unique("b");
        await using var conn = new NpgsqlConnection(connectionString);
        var ids = (await conn.QueryAsync<long>("""
            WITH a AS (
              INSERT INTO accounts (username) SELECT @prefix || g FROM generate_series(1, @count) g RETURNING id, username
            )
            INSERT INTO users (account_id, email, encrypted_password, confirmed_at, current_sign_in_at)
            SELECT id, username || '@example.com', 'x', now(), now() FROM a
            RETURNING account_id
            """, new { prefix, count })).AsList();
        return ids;
    }

    public async Task FollowAsync(long followerId, long targetId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("INSERT INTO follows (account_id, target_account_id) VALUES (@followerId, @targetId)", new { followerId, targetId });
    }

    public async Task FollowAsync(IEnumerable<long> followerIds, long targetId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("INSERT INTO follows (account_id, target_account_id) SELECT unnest(@followerIds), @targetId",
            new { followerIds = followerIds.ToArray(), targetId });
    }

    public async Task MuteAsync(long accountId, long targetId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("INSERT INTO mutes (account_id, target_account_id) VALUES (@accountId, @targetId)", new { accountId, targetId });
    }

    public async Task UnfollowAsync(long followerId, long targetId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("DELETE FROM follows WHERE account_id = @followerId AND target_account_id = @targetId", new { followerId, targetId });
    }

    /// <summary>visibility: 0 public, 1 unlisted, 2 private, 3 direct.</summary>
    public async Task<long> StatusAsync(long authorId, int visibility = 0, long[]? mentions = null, long? inReplyToAccountId = null, string text = "hello")
    {
        await using var conn = new NpgsqlConnection(connectionString);
        var id = await conn.QuerySingleAsync<long>("""
            INSERT INTO statuses (account_id, text, visibility, reply, in_reply_to_account_id, local)
            VALUES (@authorId, @text, @visibility, @reply, @inReplyToAccountId, true) RETURNING id
            """, new { authorId, text, visibility, reply = inReplyToAccountId is not null, inReplyToAccountId });
        if (mentions is { Length: > 0 })
            await conn.ExecuteAsync("INSERT INTO mentions (status_id, account_id) SELECT @id, unnest(@mentions)", new { id, mentions });
        return id;
    }

    /// <summary>The web tier's soft delete.</summary>
    public async Task SoftDeleteAsync(long statusId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync("UPDATE statuses SET deleted_at = now() WHERE id = @statusId", new { statusId });
    }
}
