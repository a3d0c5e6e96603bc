using System.Data;
using Dapper;

namespace Fedi.Core.Accounts;

/// <summary>Counter updates on <c>account_stats</c>, always inside the caller's transaction.</summary>
public static class AccountStatsStore
{
    public static Task AddStatusesAsync(IDbConnection conn, IDbTransaction tx, long accountId, int delta, bool touchLastStatus) =>
        conn.ExecuteAsync("""
            INSERT INTO account_stats (account_id, statuses_count, last_status_at)
            VALUES (@accountId, GREATEST(@delta, 0), CASE WHEN @touch THEN now() END)
            ON CONFLICT (account_id) DO UPDATE
              SET statuses_count = GREATEST(account_stats.statuses_count + @delta, 0),
                  last_status_at = CASE WHEN @touch THEN now() ELSE account_stats.last_status_at END,
                  updated_at = now()
            """, new { accountId, delta, touch = touchLastStatus }, tx);

    /// <summary>One follow added (delta 1) or removed (delta -1) between two accounts.</summary>
    public static Task AddFollowAsync(IDbConnection conn, IDbTransaction tx, long followerId, long targetId, int delta) =>
        conn.ExecuteAsync("""
            INSERT INTO account_stats (account_id) VALUES (@followerId), (@targetId) ON CONFLICT DO NOTHING;
            UPDATE account_stats SET following_count = GREATEST(following_count + @delta, 0), updated_at = now()
             WHERE account_id = @followerId;
            UPDATE account_stats SET followers_count = GREATEST(followers_count + @delta, 0), updated_at = now()
             WHERE account_id = @targetId;
            """, new { followerId, targetId, delta }, tx);
}
