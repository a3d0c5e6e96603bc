using Dapper;
using Npgsql;

namespace Fedi.Core.Accounts;

/// <summary>SQL for <c>account_stats</c>: counters, always moved inside the caller's transaction.</summary>
public sealed class AccountStatsStore
{
    /// <summary>The counters row of a new account, inside its sign-up transaction.</summary>
    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO account_stats (account_id) VALUES (@accountId)", new { accountId }, transaction, cancellationToken: ct));

    /// <summary>Statuses posted (delta 1, touching last_status_at) or deleted (delta -1); never below zero.</summary>
    public Task AddStatusesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, int delta, bool touchLastStatus,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_stats (account_id, statuses_count, last_status_at)
            VALUES (@accountId, GREATEST(@delta, 0), CASE WHEN @touch THEN now() END)
            ON CONFLICT (account_id) DO UPDATE
              SET statuses_count = GREATEST(account_stats.statuses_count + @delta, 0),
                  last_status_at = CASE WHEN @touch THEN now() ELSE account_stats.last_status_at END,
                  updated_at = now()
            """, new { accountId, delta, touch = touchLastStatus }, transaction, cancellationToken: ct));

    /// <summary>One follow added (delta 1) or removed (delta -1) between two accounts.</summary>
    public Task AddFollowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long followerId, long targetId, int delta,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_stats (account_id) VALUES (@followerId), (@targetId) ON CONFLICT DO NOTHING;
            UPDATE account_stats SET following_count = GREATEST(following_count + @delta, 0), updated_at = now()
             WHERE account_id = @followerId;
            UPDATE account_stats SET followers_count = GREATEST(followers_count + @delta, 0), updated_at = now()
             WHERE account_id = @targetId;
            """, new { followerId, targetId, delta }, transaction, cancellationToken: ct));
}
