using System.Diagnostics;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Benchmarks.Streaming;

/// <summary>One measurement at N connections on a fresh database, namespace and streaming process.</summary>
public sealed class BenchmarkRun(TestPostgres postgres, TestRedis redis, BenchmarkOptions options)
{
    private const int WarmUpClients = 50;
    private const int WarmUpEvents = 5;
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(15);

    public async Task<BenchmarkResult> RunAsync(int connections)
    {
        await using var cluster = await FediCluster.StartAsync(postgres, redis, new FediClusterOptions
        {
            Tiers = FediTiers.Streaming,
            DatabasePrefix = "bench",
            // The pool serves only connection setup (one token lookup per connection).
            ExtraEnvironment = new Dictionary<string, string>(options.Environment) { ["LOG_LEVEL"] = "Warning" },
        });
        var pid = cluster.Streaming!.Id;
        var metrics = new StreamingMetricsReader(cluster.StreamingUrl);
        var tokens = await BenchUsers.CreateAsync(cluster.DatabaseConnectionString, connections + WarmUpClients, "b" + connections);
        await using var multiplexer = await redis.ConnectAsync();
        var publisher = multiplexer.GetSubscriber();
        var channel = RedisChannel.Literal($"{cluster.RedisNamespace}:{RedisChannels.Public}");

        // Warm-up: JIT, pools and the Redis subscription exist before the "before" reading.
        await using (var warm = new StreamClients(WarmUpClients))
        {
            await warm.ConnectAsync(cluster.StreamingWebSocketUrl, tokens[..WarmUpClients], options.Handshakes);
            warm.Expect(WarmUpEvents);
            await WaitAsync(async () => await metrics.PublicSubscriptionsAsync() >= WarmUpClients, TimeSpan.FromSeconds(30));
            // Enough calls for tiered compilation to promote the delivery path before anything is measured.
            for (var seq = 0; seq < WarmUpEvents; seq++)
            {
                await PublishAsync(publisher, channel, seq);
                var current = seq;
                await WaitAsync(() => Task.FromResult(warm.Received(current) >= warm.Count), TimeSpan.FromSeconds(10));
                await Task.Delay(100);
            }
        }
        await WaitAsync(async () => await metrics.PublicSubscriptionsAsync() == 0, TimeSpan.FromSeconds(30));
        await Task.Delay(2000);
        var rssBefore = Machine.RssBytes(pid);
        var gcBefore = await metrics.GcHeapBytesAsync();

        await using var clients = new StreamClients(connections);
        var cpu0 = Machine.CpuSeconds(pid);
        var clock = Stopwatch.StartNew();
        await clients.ConnectAsync(cluster.StreamingWebSocketUrl, tokens[WarmUpClients..], options.Handshakes);
        await WaitAsync(async () => await metrics.PublicSubscriptionsAsync() >= clients.Count, TimeSpan.FromSeconds(120));
        var setup = clock.Elapsed.TotalSeconds;
        var cpuSetup = Machine.CpuSeconds(pid) - cpu0;

        await Task.Delay(3000); // idle: what the connections cost at rest
        var rssAfter = Machine.RssBytes(pid);
        var gcAfter = await metrics.GcHeapBytesAsync();
        var threads = Machine.Threads(pid);
        if (options.HoldSeconds > 0)
        {
            Console.WriteLine($"   holding {clients.Count} idle connections for {options.HoldSeconds} s: streaming pid {pid}");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }

        clients.Expect(options.Events);
        var cpu1 = Machine.CpuSeconds(pid);
        var clientCpu1 = Machine.CpuSeconds(Environment.ProcessId);
        for (var seq = 0; seq < options.Events; seq++)
        {
            await PublishAsync(publisher, channel, seq);
            var current = seq;
            await WaitAsync(() => Task.FromResult(clients.Received(current) >= clients.Count), EventDeadline, throwOnTimeout: false);
            await Task.Delay(options.IntervalMs);
        }
        var cpuEvents = Machine.CpuSeconds(pid) - cpu1;
        var clientCpuEvents = Machine.CpuSeconds(Environment.ProcessId) - clientCpu1;
        Console.WriteLine("   per event, slowest client (ms): " + string.Join(" ",
            Enumerable.Range(0, options.Events).Select(seq => clients.LatenciesMs(seq).DefaultIfEmpty(double.NaN).Max().ToString("F0"))));

        var all = Enumerable.Range(0, options.Events).SelectMany(clients.LatenciesMs).Order().ToArray();
        return new BenchmarkResult(connections, clients.Count, clients.Failures, setup, cpuSetup, rssBefore, rssAfter, gcBefore, gcAfter, threads,
            options.Events, all.Length, (long)options.Events * clients.Count,
            Percentile(all, 0.50), Percentile(all, 0.99), all.Length > 0 ? all[^1] : double.NaN,
            cpuEvents * 1000 / options.Events, clientCpuEvents * 1000 / options.Events, clients.UnexpectedCloses, Machine.LoadAverage());
    }

    /// <summary>A Mastodon Status entity (~1.3 KB) as the public timeline carries it, the send time inside.</summary>
    private static Task PublishAsync(ISubscriber publisher, RedisChannel channel, int seq)
    {
        var sent = Stopwatch.GetTimestamp();
        var status = new JsonObject
        {
            ["id"] = (117000000000000000L + seq).ToString(),
            ["fedi_bench_seq"] = seq,
            ["fedi_bench_sent"] = sent,
            ["created_at"] = "2026-11-24T12:00:00.000Z",
            ["in_reply_to_id"] = null,
            ["in_reply_to_account_id"] = null,
            ["sensitive"] = false,
            ["spoiler_text"] = "",
            ["visibility"] = "public",
            ["language"] = "en",
            ["uri"] = $"https://example.com/users/alice/statuses/{seq}",
            ["url"] = $"https://example.com/@alice/{seq}",
            ["replies_count"] = 0,
            ["reblogs_count"] = 0,
            ["favourites_count"] = 0,
            ["content"] = "<p>" + string.Concat(Enumerable.Repeat("Benchmark status with some text & a <a href=\"https://example.com\">link</a>. ", 5)) + "</p>",
            ["reblog"] = null,
            ["account"] = new JsonObject
            {
                ["id"] = "1", ["username"] = "alice", ["acct"] = "alice", ["display_name"] = "Alice",
                ["url"] = "https://example.com/@alice", ["avatar"] = "https://example.com/avatars/original/missing.png",
                ["note"] = "<p>Hello</p>", ["followers_count"] = 10, ["following_count"] = 10, ["statuses_count"] = 100,
            },
            ["media_attachments"] = new JsonArray(),
            ["mentions"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["emojis"] = new JsonArray(),
        };
        return publisher.PublishAsync(channel, StreamMessage.Encode(StreamEvents.Update, status.ToJsonString()));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, bool throwOnTimeout = true)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                if (throwOnTimeout) throw new TimeoutException($"Not reached within {timeout}");
                return;
            }
            await Task.Delay(5);
        }
    }
}
