using Fedi.Testing;
using Npgsql;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>
/// Fedi.Streaming (Release build) on its own PostgreSQL and Redis: one migrated database with the bench users,
/// and a fresh streaming process per run, started the way production starts it (no warm-up by the benchmark).
/// </summary>
public sealed class FediServer(VersusOptions options, string workDirectory, int users) : IServerUnderTest
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private TestPostgres? _postgres;
    private TestRedis? _redis;
    private FediCluster? _cluster;
    private FediProcess? _process;
    private string _tokensFile = "";

    public string Name => "Fedi";

    public async Task StartAsync(CancellationToken ct)
    {
        _postgres = await TestPostgres.StartOwnAsync(ct);
        _redis = await TestRedis.StartOwnAsync(ct);
        _cluster = await FediCluster.StartAsync(_postgres, _redis, new FediClusterOptions { Tiers = FediTiers.None, DatabasePrefix = "versus" }, ct);
        const string run = "v";
        var tokens = await BenchUsers.CreateAsync(_cluster.DatabaseConnectionString, users, run);
        var accounts = await AccountIdsAsync(_cluster.DatabaseConnectionString, run, ct);
        _tokensFile = Path.Combine(workDirectory, "fedi-tokens.txt");
        await File.WriteAllLinesAsync(_tokensFile, tokens.Select((token, i) => $"{token} {accounts[i + 1]}"), ct);
    }

    public async Task<ServerTarget> FreshProcessAsync(CancellationToken ct)
    {
        if (_process is not null) await _process.DisposeAsync();
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(_cluster!.Environment) { ["PORT"] = port.ToString(), ["LOG_LEVEL"] = "Warning" };
        foreach (var (name, value) in options.Environment) environment[name] = value;
        _process = FediProcess.StartProject("Fedi.Streaming", environment, name: "fedi-streaming");
        await _process.WaitForHealthyAsync($"http://127.0.0.1:{port}/health", StartTimeout, ct);
        return new ServerTarget($"ws://127.0.0.1:{port}", _tokensFile, new Uri(_redis!.Url).Port, _process.Id, _cluster.RedisNamespace + ":");
    }

    public string Describe() =>
        $"Fedi.Streaming {RepositoryPaths.Configuration} build, .NET {Environment.Version}" +
        (options.Environment.Count > 0 ? ", " + string.Join(' ', options.Environment.Select(e => $"{e.Key}={e.Value}")) : "");

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    /// <summary>Account id by the user number in <see cref="BenchUsers"/>' usernames (<c>run_n</c>).</summary>
    private static async Task<Dictionary<int, long>> AccountIdsAsync(string connectionString, string run, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT split_part(username, '_', 2)::int, id FROM accounts WHERE username LIKE @run || '\\_%'", conn);
        command.Parameters.AddWithValue("run", run);
        var ids = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids[reader.GetInt32(0)] = reader.GetInt64(1);
        return ids;
    }
}
