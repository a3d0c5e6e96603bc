using System.Globalization;
using Dapper;
using Npgsql;

namespace Fedi.Benchmarks.Api;

/// <summary>
/// Counts the round trips a route makes to PostgreSQL, from the database's own statistics: each statement (or batch)
/// outside an explicit transaction is one transaction in <c>pg_stat_database</c>. A backend flushes its counts at most
/// every second while busy and within 10 s once idle, so every reading waits that long first.
/// </summary>
public sealed class SqlCommandCounter(string connectionString)
{
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(11);

    public async Task<IReadOnlyList<(string Path, double PerRequest)>> MeasureAsync(
        HttpClient http, string token, IReadOnlyList<string> paths, int requests = 50)
    {
        var results = new List<(string, double)>();
        var before = await ReadAsync();
        foreach (var path in paths)
        {
            await LatencyRun.RunAsync(http, token, _ => path, requests, 1);
            var after = await ReadAsync();
            // The reading itself is one transaction.
            results.Add((path, (after - before - 1) / requests));
            before = after;
        }
        return results;
    }

    private async Task<double> ReadAsync()
    {
        await Task.Delay(FlushDelay);
        await using var conn = new NpgsqlConnection(connectionString);
        return await conn.ExecuteScalarAsync<double>(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }

    public static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
