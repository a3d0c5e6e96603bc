using Dapper;
using Npgsql;

namespace Fedi.Core.Jobs;

/// <summary>SQL for <c>job_outbox</c>: jobs staged inside a change's transaction until they reach Redis.</summary>
public sealed class JobOutboxStore(NpgsqlDataSource db)
{
    /// <summary>One row of the outbox: the job's queue and its Sidekiq JSON.</summary>
    public sealed record Row(long Id, string Queue, string Payload);

    public Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string queue, string payload, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO job_outbox (queue, payload) VALUES (@queue, @payload) RETURNING id",
            new { queue, payload }, transaction, cancellationToken: ct));

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await DeleteAsync(connection, null, ids, ct);
    }

    public Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_outbox WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, transaction, cancellationToken: ct));

    /// <summary>Rows older than <paramref name="olderThan"/>, locked for the caller's transaction; rows another
    /// relay holds are skipped, so several workers share the outbox without pushing a job twice.</summary>
    public async Task<IReadOnlyList<Row>> LockStaleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TimeSpan olderThan, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, queue, payload FROM job_outbox
             WHERE created_at < now() - make_interval(secs => @seconds)
             ORDER BY id LIMIT @limit
             FOR UPDATE SKIP LOCKED
            """, new { seconds = olderThan.TotalSeconds, limit }, transaction, cancellationToken: ct))).AsList();
}
