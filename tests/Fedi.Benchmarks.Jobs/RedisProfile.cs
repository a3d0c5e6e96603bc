using System.Globalization;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Jobs;

/// <summary>
/// Where Redis spends its time during one measurement: CONFIG RESETSTAT before, INFO commandstats after,
/// printed as calls and server microseconds per job for the busiest commands.
/// </summary>
public sealed class RedisProfile(ConnectionMultiplexer admin) : IAsyncDisposable
{
    private readonly IServer server = admin.GetServer(admin.GetEndPoints()[0]);

    public async ValueTask DisposeAsync() => await admin.CloseAsync();

    public Task ResetAsync() => server.ConfigResetStatisticsAsync();

    /// <summary>E.g. "evalsha 0.10 calls 3.1 µs, lrem 1.00 calls 1.9 µs" per job, busiest first.</summary>
    public async Task<string> DescribePerJobAsync(int jobs)
    {
        var section = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToList();
        var commands = section
            .Select(entry => (Name: entry.Key.Replace("cmdstat_", "", StringComparison.Ordinal), Fields: Fields(entry.Value)))
            .Where(c => c.Name is not ("config" or "info" or "llen" or "lrange" or "smembers" or "rename"))
            .Select(c => (c.Name, Calls: c.Fields["calls"], Usec: c.Fields["usec"]))
            .OrderByDescending(c => c.Usec)
            .ToList();
        var total = commands.Sum(c => c.Usec) / jobs;
        var top = commands.Take(6).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Calls / jobs:0.00} calls {c.Usec / jobs:0.0} µs"));
        return string.Create(CultureInfo.InvariantCulture, $"{total:0.0} µs of Redis per job: {string.Join(", ", top)}");
    }

    private static Dictionary<string, double> Fields(string value) => value.Split(',')
        .Select(pair => pair.Split('=', 2))
        .Where(pair => pair.Length == 2 && double.TryParse(pair[1], CultureInfo.InvariantCulture, out _))
        .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
}
