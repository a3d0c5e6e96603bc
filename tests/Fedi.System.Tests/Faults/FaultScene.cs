using Fedi.Testing;
using Npgsql;

namespace Fedi.System.Tests.Faults;

/// <summary>
/// One instance of all three tiers on the given servers, with a poster and a follower whose home feed is live
/// in Redis (so a fan-out that never ran shows as a missing post, not hidden by a rebuild from PostgreSQL),
/// and the checks every fault test ends with: each confirmed post reached the follower, and nothing stored is
/// half-written.
/// </summary>
public sealed class FaultScene(FediCluster cluster, TestUser poster, TestUser follower) : IAsyncDisposable
{
    public FediCluster Cluster => cluster;
    public TestUser Poster => poster;
    public TestUser Follower => follower;

    public static async Task<FaultScene> StartAsync(TestPostgres postgres, TestRedis redis)
    {
        var cluster = await FediCluster.StartAsync(postgres, redis);
        try
        {
            var poster = await cluster.Users.SignUpAsync();
            var follower = await cluster.Users.SignUpAsync();
            (await follower.Client.PostFormAsync($"/api/v1/accounts/{poster.AccountId}/follow", [])).EnsureSuccess();
            var first = (await poster.Client.PostFormAsync("/api/v1/statuses", [new("status", "before the fault")])).EnsureSuccess().RequireJson();
            var scene = new FaultScene(cluster, poster, follower);
            var firstId = first["id"]!.GetValue<string>();
            await Eventually.TrueAsync(async () => (await scene.HomeIdsAsync()).Contains(firstId), "the first post is in the follower's home");
            return scene;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the load, lets it warm up, applies <paramref name="fault"/>, keeps the load on for a while
    /// after it, and returns the recorded traffic.</summary>
    public async Task<TrafficLoad> RunThroughAsync(Func<Task> fault)
    {
        var load = new TrafficLoad(poster, follower);
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await fault();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load.StopAsync();
        return load;
    }

    /// <summary>Every id in the follower's home timeline, paged through the REST API as an app would.</summary>
    public async Task<HashSet<string>> HomeIdsAsync()
    {
        var ids = new HashSet<string>();
        string? maxId = null;
        while (true)
        {
            var response = await follower.Client.GetAsync("/api/v1/timelines/home?limit=40" + (maxId is null ? "" : $"&max_id={maxId}"));
            if (response.Status != 200) return ids;
            var page = response.RequireJson().AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
            if (page.Count == 0) return ids;
            ids.UnionWith(page);
            maxId = page[^1];
        }
    }

    /// <summary>Ids of the poster's stored (not deleted) statuses, and the statuses_count of the poster's profile.</summary>
    public async Task<(HashSet<string> Stored, long Counted)> StoredAsync()
    {
        await using var db = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await db.OpenAsync();
        var id = long.Parse(poster.AccountId);
        var stored = new HashSet<string>();
        await using (var rows = new NpgsqlCommand("SELECT id FROM statuses WHERE account_id = $1 AND deleted_at IS NULL", db) { Parameters = { new() { Value = id } } })
        await using (var reader = await rows.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetInt64(0).ToString());
        await using var count = new NpgsqlCommand("SELECT statuses_count FROM account_stats WHERE account_id = $1", db) { Parameters = { new() { Value = id } } };
        var counted = (long)(await count.ExecuteScalarAsync() ?? 0L);
        return (stored, counted);
    }

    /// <summary>After the fault: every post the server confirmed is stored, every stored post reaches the follower's
    /// home (its fan-out job was not lost, whenever it was queued), and the profile's count matches the rows.</summary>
    public async Task AssertNothingLostAsync(TrafficLoad load)
    {
        var confirmed = load.ConfirmedPostIds;
        Assert.That(confirmed, Is.Not.Empty, "some posts succeeded");
        var (stored, counted) = await StoredAsync();
        Assert.That(confirmed.Where(id => !stored.Contains(id)), Is.Empty, "confirmed posts missing from the database");
        Assert.That(counted, Is.EqualTo(stored.Count), "statuses_count equals the stored statuses");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var home = await HomeIdsAsync();
        while (!stored.IsSubsetOf(home) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            home = await HomeIdsAsync();
        }
        var missing = stored.Except(home).Order().ToList();
        Assert.That(missing, Is.Empty,
            $"{missing.Count} of {stored.Count} stored posts never reached the follower's home ({string.Join(", ", missing.Take(5))}); {await JobSetsAsync(missing)}\n{cluster.Worker?.Describe(60)}\n{cluster.Web?.Describe(40)}");
    }

    /// <summary>Where jobs wait, for a failure message: the outbox rows and the sizes of retry, schedule and dead.</summary>
    private async Task<string> JobSetsAsync(IReadOnlyList<string> missing)
    {
        await using var db = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await db.OpenAsync();
        await using var outbox = new NpgsqlCommand("SELECT count(*) FROM job_outbox", db);
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(cluster.Environment["REDIS_URL"].Replace("redis://", ""));
        var keys = redis.GetDatabase();
        var ns = cluster.RedisNamespace + ":";
        var feed = (await keys.SortedSetRangeByRankAsync(ns + $"feed:home:{follower.AccountId}")).Select(v => (string)v!).ToHashSet();
        return $"missing ones in the Redis home feed: {string.Join(",", missing.Select(feed.Contains))} (feed holds {feed.Count}); outbox {await outbox.ExecuteScalarAsync()}, retry {await keys.SortedSetLengthAsync(ns + "retry")}, "
            + $"schedule {await keys.SortedSetLengthAsync(ns + "schedule")}, dead {await keys.SortedSetLengthAsync(ns + "dead")}, "
            + $"default queue {await keys.ListLengthAsync(ns + "queue:default")}";
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
