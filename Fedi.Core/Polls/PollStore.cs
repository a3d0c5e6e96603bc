using Dapper;
using Npgsql;

namespace Fedi.Core.Polls;

/// <summary>SQL for <c>polls</c>; votes are in <see cref="PollVoteStore"/>.</summary>
public sealed class PollStore(NpgsqlDataSource db)
{
    private const string Columns = """
        p.id, p.account_id, p.status_id, p.expires_at, p.options, p.cached_tallies, p.multiple, p.hide_totals,
        p.votes_count, p.voters_count
        """;

    /// <summary>The poll of a new status, inside the post's transaction; every tally starts at zero.</summary>
    public Task<Poll> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, long accountId,
        NewPoll poll, DateTime expiresAt, CancellationToken ct) =>
        connection.QuerySingleAsync<Poll>(new CommandDefinition($"""
            INSERT INTO polls AS p (account_id, status_id, expires_at, options, cached_tallies, multiple, hide_totals)
            VALUES (@accountId, @statusId, @expiresAt, @options, array_fill(0::bigint, ARRAY[cardinality(@options)]), @multiple, @hideTotals)
            RETURNING {Columns}
            """, new { accountId, statusId, expiresAt, options = poll.Options.ToArray(), multiple = poll.Multiple, hideTotals = poll.HideTotals },
            transaction, cancellationToken: ct));

    /// <summary>An edit's poll (Mastodon's UpdateStatusService#update_poll!): new options or a new multiple flag
    /// invalidate every vote, so tallies and votes start again; otherwise the votes stay.</summary>
    public Task<Poll> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, long accountId,
        NewPoll poll, DateTime expiresAt, CancellationToken ct) =>
        connection.QuerySingleAsync<Poll>(new CommandDefinition($"""
            WITH previous AS (SELECT id, options, multiple FROM polls WHERE status_id = @statusId FOR UPDATE),
            reset AS (
                DELETE FROM poll_votes v USING previous
                WHERE v.poll_id = previous.id AND (previous.options <> @options OR previous.multiple <> @multiple))
            INSERT INTO polls AS p (account_id, status_id, expires_at, options, cached_tallies, multiple, hide_totals)
            VALUES (@accountId, @statusId, @expiresAt, @options, array_fill(0::bigint, ARRAY[cardinality(@options)]), @multiple, @hideTotals)
            ON CONFLICT (status_id) DO UPDATE SET
                expires_at = EXCLUDED.expires_at, hide_totals = EXCLUDED.hide_totals, updated_at = now(),
                options = EXCLUDED.options, multiple = EXCLUDED.multiple,
                cached_tallies = CASE WHEN p.options <> EXCLUDED.options OR p.multiple <> EXCLUDED.multiple
                                      THEN EXCLUDED.cached_tallies ELSE p.cached_tallies END,
                votes_count = CASE WHEN p.options <> EXCLUDED.options OR p.multiple <> EXCLUDED.multiple THEN 0 ELSE p.votes_count END,
                voters_count = CASE WHEN p.options <> EXCLUDED.options OR p.multiple <> EXCLUDED.multiple THEN 0 ELSE p.voters_count END
            RETURNING {Columns}
            """, new { accountId, statusId, expiresAt, options = poll.Options.ToArray(), multiple = poll.Multiple, hideTotals = poll.HideTotals },
            transaction, cancellationToken: ct));

    /// <summary>An edit that drops the poll.</summary>
    public Task<int> DeleteByStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM polls WHERE status_id = @statusId", new { statusId }, transaction, cancellationToken: ct));

    public async Task<Poll?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Poll>(new CommandDefinition(
            $"SELECT {Columns} FROM polls p WHERE p.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The polls of a page of statuses, by status id.</summary>
    public async Task<IReadOnlyDictionary<long, Poll>> ListByStatusAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return new Dictionary<long, Poll>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Poll>(new CommandDefinition(
            $"SELECT {Columns} FROM polls p WHERE p.status_id = ANY(@statusIds)",
            new { statusIds = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(p => p.StatusId);
    }
}
