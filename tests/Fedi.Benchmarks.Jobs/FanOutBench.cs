using System.Diagnostics;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Npgsql;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// (c) Fan-out through the real stack: an author with F active local followers (rows made with one
/// INSERT … SELECT generate_series each), every follower's home feed already existing so the fan-out writes
/// to it. A status row is inserted, its DistributionWorker enqueued with JobClient, and the clock runs until
/// every follower's feed holds the status: a sample is polled, then all F are checked with one script per 10,000.
/// </summary>
public sealed class FanOutBench(BenchServers servers, BenchOptions options)
{
    // KEYS: none (keys are built from ARGV, which a single-node Redis allows). ARGV[1] = status id, rest = account ids.
    private const string MissingScript = """
        local missing = 0
        for i = 2, #ARGV do
          if not redis.call('ZSCORE', 'feed:home:' .. ARGV[i], ARGV[1]) then missing = missing + 1 end
        end
        return missing
        """;

    public async Task RunAsync(Results results)
    {
        var worker = await new FediEngine(servers).StartAsync(concurrency: 10);
        try
        {
            foreach (var count in options.Followers)
            {
                Console.WriteLine($"(c) fan-out of one post to {count:N0} active followers");
                var (author, followers) = await CreateFollowersAsync(count);
                await SeedFeedsAsync(followers);
                var runs = new List<double>();
                for (var r = 0; r < options.Repeats; r++)
                {
                    var postgres = await PostgresActiveMsAsync();
                    var (cpu, redisCpu) = (ProcStat.CpuSeconds(worker.Pid), ProcStat.CpuSeconds(servers.RedisPid));
                    runs.Add(await FanOutOnceAsync(author, followers));
                    (cpu, redisCpu) = (ProcStat.CpuSeconds(worker.Pid) - cpu, ProcStat.CpuSeconds(servers.RedisPid) - redisCpu);
                    await Task.Delay(1500); // PostgreSQL publishes its statistics about once a second
                    postgres = await PostgresActiveMsAsync() - postgres;
                    Console.WriteLine($"    {runs[^1]:0.000} s; worker CPU {cpu:0.00} s, redis-server CPU {redisCpu:0.00} s (with the checks), PostgreSQL busy {postgres / 1000:0.00} s");
                }
                results.Add($"fan-out to {count:N0} followers (s)", runs);
            }
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private async Task<double> FanOutOnceAsync(long author, long[] followers)
    {
        await using var conn = new NpgsqlConnection(servers.Cluster.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO statuses (account_id, text, visibility, local) VALUES ($1, 'fan-out benchmark', 0, true) RETURNING id", conn);
        insert.Parameters.Add(new NpgsqlParameter { Value = author });
        var statusId = (long)(await insert.ExecuteScalarAsync())!;

        var sample = new[] { followers[0], followers[followers.Length / 2], followers[^1] };
        var watch = Stopwatch.StartNew();
        await servers.Jobs.EnqueueAsync(new DistributionJob(statusId));
        while (true)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("fan-out did not finish in 5 minutes");
            if (await InAllAsync(sample, statusId) && await InAllAsync(followers, statusId)) return watch.Elapsed.TotalSeconds;
            await Task.Delay(5);
        }
    }

    private async Task<bool> InAllAsync(long[] accounts, long statusId)
    {
        foreach (var chunk in accounts.Chunk(10_000))
        {
            RedisValue[] args = [statusId, .. chunk.Select(id => (RedisValue)id)];
            if ((long)await servers.Db.ScriptEvaluateAsync(MissingScript, [], args) > 0) return false;
        }
        return true;
    }

    /// <summary>Milliseconds the database's backends spent running statements (pg_stat_database.active_time).</summary>
    private async Task<double> PostgresActiveMsAsync()
    {
        await using var conn = new NpgsqlConnection(servers.Cluster.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT active_time FROM pg_stat_database WHERE datname = current_database()", conn);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(long Author, long[] Followers)> CreateFollowersAsync(int count)
    {
        var prefix = $"f{count}x{Environment.TickCount64 % 100_000}x";
        await using var conn = new NpgsqlConnection(servers.Cluster.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var transaction = await conn.BeginTransactionAsync();
        var author = await ScalarAsync(conn, """
            WITH a AS (INSERT INTO accounts (username) VALUES ($1 || 'author') RETURNING id)
            INSERT INTO users (account_id, email, encrypted_password, confirmed_at, current_sign_in_at)
            SELECT id, $1 || 'author@example.com', 'x', now(), now() FROM a RETURNING account_id
            """, prefix);
        await ExecuteAsync(conn, """
            WITH a AS (
              INSERT INTO accounts (username) SELECT $1 || g FROM generate_series(1, $2) g RETURNING id, username
            ), u AS (
              INSERT INTO users (account_id, email, encrypted_password, confirmed_at, current_sign_in_at)
              SELECT id, username || '@example.com', 'x', now(), now() - interval '1 hour' FROM a RETURNING account_id
            )
            INSERT INTO follows (account_id, target_account_id) SELECT account_id, $3 FROM u
            """, prefix, count, author);
        await transaction.CommitAsync();
        await ExecuteAsync(conn, "ANALYZE accounts; ANALYZE users; ANALYZE follows");
        await using var list = new NpgsqlCommand("SELECT account_id FROM follows WHERE target_account_id = $1 ORDER BY account_id", conn);
        list.Parameters.Add(new NpgsqlParameter { Value = author });
        var followers = new List<long>(count);
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) followers.Add(reader.GetInt64(0));
        return (author, followers.ToArray());
    }

    /// <summary>Each follower's home feed exists (one placeholder entry), as after they read their home timeline.</summary>
    private async Task SeedFeedsAsync(long[] followers)
    {
        foreach (var chunk in followers.Chunk(5_000))
            await Task.WhenAll(chunk.Select(id => servers.Db.SortedSetAddAsync(RedisKeys.HomeFeed(id), 1, 1)));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, params object[] values)
    {
        await using var command = Command(conn, sql, values);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, params object[] values)
    {
        await using var command = Command(conn, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, conn);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
