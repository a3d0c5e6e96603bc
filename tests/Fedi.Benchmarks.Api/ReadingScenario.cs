using System.Diagnostics;
using Fedi.Testing;

namespace Fedi.Benchmarks.Api;

/// <summary>
/// The reads an app makes all day: the home timeline (800 statuses from 200 followed accounts, with favourites,
/// reblogs, mentions and hashtags), a 500-status thread's context and a page of 40 notifications (v1 and grouped v2),
/// from one Fedi.Web process, next to the plain Kestrel JSON ceiling measured in the same run; and the SQL round trips
/// each page costs, at two page sizes, to show they do not grow with the page.
/// </summary>
public static class ReadingScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== reading: {options.Requests} requests x {options.Repeats} runs per measure, concurrency {options.Concurrency}");
        await using var postgres = await TestPostgres.StartAsync();
        await using var redis = await TestRedis.StartOwnAsync();
        await using var cluster = await BenchCluster.StartAsync(postgres, redis, "fedi_bench_reading");
        var viewer = await cluster.Users.SignUpAsync();
        var root = await ReadingSeeder.SeedAsync(cluster.DatabaseConnectionString, long.Parse(viewer.AccountId, System.Globalization.CultureInfo.InvariantCulture));
        using var fedi = new HttpClient { BaseAddress = new Uri(cluster.WebUrl) };

        var port = FreePort.Next();
        using var ceilingProcess = CeilingServer.Start(port);
        try
        {
            using var ceiling = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(ceiling);
            
            await MeasureTable.RunAsync(
            [
                new("ceiling: plain Kestrel JSON (40 items)", ceiling, null, _ => "/ceiling"),
                new("GET /api/v1/timelines/home?limit=40", fedi, viewer.Token, _ => "/api/v1/timelines/home?limit=40"),
                new("GET /api/v1/timelines/home?limit=5", fedi, viewer.Token, _ => "/api/v1/timelines/home?limit=5"),
                new("GET /api/v1/timelines/public?limit=40", fedi, viewer.Token, _ => "/api/v1/timelines/public?limit=40"),
                new($"GET /api/v1/statuses/:id/context ({ReadingSeeder.ThreadSize})", fedi, viewer.Token, _ => $"/api/v1/statuses/{root}/context"),
                new("GET /api/v1/notifications?limit=40", fedi, viewer.Token, _ => "/api/v1/notifications?limit=40"),
                new("GET /api/v2/notifications?limit=40", fedi, viewer.Token, _ => "/api/v2/notifications?limit=40"),
            ], options);

            Console.WriteLine();
            Console.WriteLine("SQL round trips per request (50 sequential requests each):");
            var counter = new SqlCommandCounter(cluster.DatabaseConnectionString);
            foreach (var (path, perRequest) in await counter.MeasureAsync(fedi, viewer.Token,
                         ["/api/v1/timelines/home?limit=20", "/api/v1/timelines/home?limit=40", $"/api/v1/statuses/{root}/context",
                          "/api/v1/notifications?limit=20", "/api/v1/notifications?limit=40"]))
                Console.WriteLine($"  {path}: {SqlCommandCounter.Format(perRequest)}");
        }
        finally
        {
            ceilingProcess.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitUntilServingAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/ceiling")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
            }
            await Task.Delay(100);
        }
    }
}
