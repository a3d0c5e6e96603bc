using Dapper;
using Npgsql;

namespace Fedi.Core.Polls;

/// <summary>SQL for <c>poll_votes</c>, and the vote itself, which adds to the poll's tallies.</summary>
public sealed class PollVoteStore(NpgsqlDataSource db)
{
    public enum Outcome { Voted, AlreadyVoted, Expired }

    /// <summary>
    /// Records the account's choices and adds them to the tallies in one transaction. The primary key refuses a
    /// second vote by the same account, and the UPDATE adds to the row it locks rather than writing back what
    /// was read, so concurrent voters never lose one another's votes.
    /// </summary>
    public async Task<(Outcome Outcome, Poll? Poll)> VoteAsync(long pollId, long accountId, int[] choices, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO poll_votes (poll_id, account_id, choices) VALUES (@pollId, @accountId, @choices)
            ON CONFLICT (poll_id, account_id) DO NOTHING
            """, new { pollId, accountId, choices }, tx, cancellationToken: ct));
        if (inserted == 0) return (Outcome.AlreadyVoted, null);
        var poll = await conn.QuerySingleOrDefaultAsync<Poll>(new CommandDefinition("""
            UPDATE polls p SET
                cached_tallies = ARRAY(SELECT t + CASE WHEN i - 1 = ANY(@choices) THEN 1 ELSE 0 END
                                       FROM unnest(p.cached_tallies) WITH ORDINALITY AS u(t, i) ORDER BY i),
                votes_count = p.votes_count + cardinality(@choices),
                voters_count = p.voters_count + 1,
                updated_at = now()
            WHERE p.id = @pollId AND (p.expires_at IS NULL OR p.expires_at > now())
            RETURNING p.id, p.account_id, p.status_id, p.expires_at, p.options, p.cached_tallies, p.multiple, p.hide_totals,
                      p.votes_count, p.voters_count
            """, new { pollId, choices }, tx, cancellationToken: ct));
        if (poll is null) return (Outcome.Expired, null);
        await tx.CommitAsync(ct);
        return (Outcome.Voted, poll);
    }

    /// <summary>The viewer's choices in each of <paramref name="pollIds"/> they voted in: one query for a page.</summary>
    public async Task<IReadOnlyDictionary<long, int[]>> ListChoicesAsync(long accountId, IReadOnlyCollection<long> pollIds, CancellationToken ct = default)
    {
        if (pollIds.Count == 0) return new Dictionary<long, int[]>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long PollId, int[] Choices)>(new CommandDefinition(
            "SELECT poll_id, choices FROM poll_votes WHERE account_id = @accountId AND poll_id = ANY(@pollIds)",
            new { accountId, pollIds = pollIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.PollId, r => r.Choices);
    }

    public async Task<IReadOnlyList<long>> ListVoterIdsAsync(long pollId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT account_id FROM poll_votes WHERE poll_id = @pollId ORDER BY created_at", new { pollId }, cancellationToken: ct));
        return rows.AsList();
    }
}
