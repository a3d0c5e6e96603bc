using Dapper;
using Npgsql;

namespace Fedi.Benchmarks.Api;

/// <summary>
/// What a reader's day looks like, in a few set-based statements: the viewer follows 200 accounts whose 800
/// statuses fill the home feed (every 8th a reblog of another followed account's post, every 6th with a hashtag,
/// every 10th mentioning the viewer, a fifth of them favourited by the viewer); a 500-status thread (a root and
/// 499 replies, each to an earlier one); and 1,000 notifications (mentions, favourites, reblogs, follows) for the viewer.
/// </summary>
public static class ReadingSeeder
{
    public const int Followed = 200;
    public const int HomeStatuses = 800;
    public const int ThreadSize = 500;
    private const long FirstAccount = 3_000_001;

    public static async Task<long> SeedAsync(string connectionString, long viewerId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        // Snowflake ids over the last two days, oldest first; the thread's ids follow the feed's.
        var args = new { viewerId, followed = Followed, home = HomeStatuses, thread = ThreadSize, first = FirstAccount };
        await conn.ExecuteAsync("""
            INSERT INTO accounts (id, username, display_name, note)
            SELECT @first + g, 'reader' || g, 'Reader Friend ' || g, 'Writes about <b>gardens</b> ' || g FROM generate_series(0, @followed - 1) g;
            INSERT INTO account_stats (account_id, statuses_count, followers_count, following_count, last_status_at)
            SELECT @first + g, 4, 1, 0, now() FROM generate_series(0, @followed - 1) g;
            INSERT INTO follows (account_id, target_account_id) SELECT @viewerId, @first + g FROM generate_series(0, @followed - 1) g;
            UPDATE account_stats SET following_count = following_count + @followed WHERE account_id = @viewerId;
            INSERT INTO tags (name) SELECT 'readingtag' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING;

            CREATE TEMP TABLE seeded AS
            SELECT g AS n, ((extract(epoch FROM now() - interval '2 days' * (1 - g::float / (@home + @thread))) * 1000)::bigint << 16) + g AS id,
                   @first + (g % @followed) AS account_id, now() - interval '2 days' * (1 - g::float / (@home + @thread)) AS at
            FROM generate_series(1, @home + @thread) g;

            INSERT INTO statuses (id, text, visibility, account_id, local, created_at, conversation_id)
            SELECT s.id,
                   'Status ' || s.n || ' about the garden'
                       || CASE WHEN s.n % 6 = 0 THEN ' #readingtag' || (s.n % 20 + 1) ELSE '' END
                       || CASE WHEN s.n % 10 = 0 THEN ' @viewer' ELSE '' END,
                   0, s.account_id, true, s.at, s.id
            FROM seeded s WHERE s.n <= @home AND s.n % 8 <> 0;
            -- Reblogs of the previous post, by the next followed account.
            INSERT INTO statuses (id, text, visibility, account_id, local, created_at, reblog_of_id, conversation_id)
            SELECT s.id, '', 0, s.account_id, true, s.at, o.id, s.id
            FROM seeded s JOIN seeded o ON o.n = s.n - 1 WHERE s.n <= @home AND s.n % 8 = 0;
            -- The thread: the first status after the feed is its root; every later one replies to an earlier one.
            INSERT INTO statuses (id, text, visibility, account_id, local, created_at, reply, in_reply_to_id, in_reply_to_account_id, conversation_id)
            SELECT s.id, 'Thread reply ' || s.n, 0, s.account_id, true, s.at, s.n > @home + 1, p.id, p.account_id, r.id
            FROM seeded s
            JOIN seeded r ON r.n = @home + 1
            LEFT JOIN seeded p ON p.n = @home + 1 + (s.n * 7919 % NULLIF(s.n - @home - 1, 0))
            WHERE s.n > @home;

            INSERT INTO statuses_tags (status_id, tag_id)
            SELECT s.id, t.id FROM seeded s JOIN tags t ON t.name = 'readingtag' || (s.n % 20 + 1)
            WHERE s.n <= @home AND s.n % 6 = 0 AND s.n % 8 <> 0;
            INSERT INTO mentions (status_id, account_id) SELECT s.id, @viewerId FROM seeded s WHERE s.n <= @home AND s.n % 10 = 0 AND s.n % 8 <> 0;
            INSERT INTO favourites (account_id, status_id) SELECT @viewerId, s.id FROM seeded s WHERE s.n <= @home AND s.n % 5 = 0 AND s.n % 8 <> 0;
            INSERT INTO status_stats (status_id, favourites_count, reblogs_count, replies_count)
            SELECT s.id, s.n % 7 + CASE WHEN s.n % 5 = 0 THEN 1 ELSE 0 END, CASE WHEN (s.n + 1) % 8 = 0 THEN 1 ELSE 0 END, 0
            FROM seeded s WHERE s.n <= @home AND s.n % 8 <> 0;

            INSERT INTO notifications (account_id, from_account_id, type, status_id, group_key, created_at)
            SELECT @viewerId, @first + (k % @followed), t.type,
                   CASE WHEN t.type = 'follow' THEN NULL ELSE (SELECT s.id FROM seeded s WHERE s.n = k * 8 % @home + 1) END,
                   CASE WHEN t.type = 'mention' THEN NULL ELSE t.type || '-' || (k / 3) END,
                   now() - interval '1 day' * (1 - k::float / 1000)
            FROM generate_series(1, 1000) k,
                 LATERAL (SELECT (ARRAY['mention', 'favourite', 'reblog', 'follow'])[k % 4 + 1] AS type) t
            ON CONFLICT DO NOTHING;
            ANALYZE;
            """, args, commandTimeout: 600);
        return await conn.ExecuteScalarAsync<long>("SELECT id FROM seeded WHERE n = @home + 1", args);
    }
}
