using Fedi.Testing;

namespace Fedi.Benchmarks.Api;

/// <summary>Search latency over a seeded million statuses, next to a baseline route, in one run.</summary>
public static class SearchScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== search: {options.Statuses:N0} statuses, {options.Requests} requests x {options.Repeats} runs, concurrency {options.Concurrency}");
        await using var postgres = await TestPostgres.StartAsync();
        await using var redis = await TestRedis.StartOwnAsync();
        await using var cluster = await BenchCluster.StartAsync(postgres, redis, "fedi_bench_search");
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await Seeder.SeedAsync(cluster.DatabaseConnectionString, options.Statuses);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
        var viewer = await cluster.Users.SignUpAsync();
        using var http = new HttpClient { BaseAddress = new Uri(cluster.WebUrl) };

        // Each request asks for another word / prefix, so no answer is the previous one's.
        await MeasureTable.RunAsync(
        [
            // Not /api/v1/instance: it counts every status on each request, ~1 s at a million (see README.md).
            new("baseline GET /api/v1/instance/rules", http, viewer.Token, _ => "/api/v1/instance/rules"),
            new("v2/search statuses (full text)", http, viewer.Token, i => $"/api/v2/search?type=statuses&q=word{i * 37 % 5000}"),
            new("v2/search accounts (prefix)", http, viewer.Token, i => $"/api/v2/search?type=accounts&q=bench{i % 200}"),
            new("v2/search hashtags (prefix)", http, viewer.Token, i => $"/api/v2/search?type=hashtags&q=benchtag{i % 50}"),
        ], options);
    }
}
