using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>The counters of <c>status_stats</c>; the column names are fixed here, never taken from input.</summary>
public enum StatusCounter
{
    Replies,
    Reblogs,
    Favourites,
}

/// <summary>Counts of a status as its entity shows them.</summary>
public sealed record StatusCounts(long RepliesCount, long ReblogsCount, long FavouritesCount)
{
    public static readonly StatusCounts Zero = new(0, 0, 0);
}

/// <summary>
/// SQL for <c>status_stats</c>. Every change is one atomic upsert adding to the counter in place (never read,
/// then written), clamped at zero, so concurrent favourites of one status all count.
/// </summary>
public sealed class StatusStatsStore(NpgsqlDataSource db)
{
    private static string Column(StatusCounter counter) => counter switch
    {
        StatusCounter.Replies => "replies_count",
        StatusCounter.Reblogs => "reblogs_count",
        StatusCounter.Favourites => "favourites_count",
        _ => throw new ArgumentOutOfRangeException(nameof(counter)),
    };

    /// <summary>Adds <paramref name="delta"/> (+1 or -1) to one counter inside the caller's transaction.</summary>
    public Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, StatusCounter counter, int delta, CancellationToken ct)
    {
        var column = Column(counter);
        return connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO status_stats (status_id, {column}) VALUES (@statusId, GREATEST(@delta, 0))
            ON CONFLICT (status_id) DO UPDATE
            SET {column} = GREATEST(status_stats.{column} + @delta, 0), updated_at = now()
            """, new { statusId, delta }, transaction, cancellationToken: ct));
    }

    /// <summary>The counts of each of <paramref name="statusIds"/>; a status never counted is absent (all zero).</summary>
    public async Task<IReadOnlyDictionary<long, StatusCounts>> ListAsync(IReadOnlyCollection<long> statusIds, CancellationToken ct = default)
    {
        if (statusIds.Count == 0) return new Dictionary<long, StatusCounts>();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, long Replies, long Reblogs, long Favourites)>(new CommandDefinition("""
            SELECT status_id, replies_count, reblogs_count, favourites_count FROM status_stats WHERE status_id = ANY(@ids)
            """, new { ids = statusIds.Distinct().ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => new StatusCounts(r.Replies, r.Reblogs, r.Favourites));
    }
}
