using Dapper;
using Npgsql;

namespace Fedi.Benchmarks.Api;

/// <summary>
/// Fills the database in a few set-based statements (generate_series): 2,000 confirmed local accounts (indexable, so
/// their public posts are searchable by everyone), the
/// statuses spread over them with words from a 5,000-word vocabulary (so a word matches ~0.1 % of posts),
/// a tag on every tenth post, and mostly public visibility; then ANALYZE so plans match a settled server.
/// </summary>
public static class Seeder
{
    public const int Accounts = 2000;

    public static async Task SeedAsync(string connectionString, int statuses)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await conn.ExecuteAsync("""
            INSERT INTO accounts (id, username, display_name, indexable)
            SELECT 1000000 + g, 'bench' || g, 'Bench Person ' || g, true FROM generate_series(1, @accounts) g;
            INSERT INTO account_stats (account_id, statuses_count, followers_count)
            SELECT 1000000 + g, @statuses / @accounts, g % 500 FROM generate_series(1, @accounts) g;
            INSERT INTO users (account_id, email, encrypted_password, confirmed_at)
            SELECT 1000000 + g, 'bench' || g || '@example.com', 'x', now() FROM generate_series(1, @accounts) g;
            INSERT INTO tags (name) SELECT 'benchtag' || g FROM generate_series(1, 500) g;
            """, new { accounts = Accounts, statuses }, commandTimeout: 600);
        // Ids are snowflakes spread over the last 90 days, oldest first, so id order is time order.
        await conn.ExecuteAsync("""
            INSERT INTO statuses (id, text, visibility, account_id, local, created_at)
            SELECT ((extract(epoch FROM t) * 1000)::bigint << 16) + (g % 65536),
                   'word' || (g * 7919 % 5000) || ' word' || (g * 104729 % 5000) || ' some filler text about things'
                       || CASE WHEN g % 10 = 0 THEN ' #benchtag' || (g % 500 + 1) ELSE '' END,
                   CASE WHEN g % 20 = 0 THEN 2 WHEN g % 10 = 0 THEN 1 ELSE 0 END,
                   1000001 + (g % @accounts), true, t
            FROM generate_series(1::bigint, @statuses) g, LATERAL (SELECT now() - interval '90 days' * (1 - g::float / @statuses) AS t) ts
            ON CONFLICT DO NOTHING
            """, new { accounts = Accounts, statuses }, commandTimeout: 3600);
        await conn.ExecuteAsync("""
            INSERT INTO statuses_tags (status_id, tag_id)
            SELECT s.id, t.id FROM statuses s JOIN tags t ON t.name = substring(s.text FROM '#(benchtag[0-9]+)$')
            WHERE s.account_id > 1000000 AND s.text LIKE '%#benchtag%'
            ON CONFLICT DO NOTHING;
            ANALYZE;
            """, commandTimeout: 3600);
    }
}
