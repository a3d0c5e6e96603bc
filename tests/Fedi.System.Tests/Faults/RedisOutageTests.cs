using Fedi.Testing;

namespace Fedi.System.Tests.Faults;

/// <summary>Redis stops and starts again (with the append-only file the local start configures) while people post and read.</summary>
[NonParallelizable]
public sealed class RedisOutageTests
{
    [Test]
    public async Task While_redis_is_down_reads_get_503_and_afterwards_every_stored_post_is_fanned_out()
    {
        await using var postgres = await TestPostgres.StartAsync();
        await using var redis = await TestRedis.StartOwnAsync(appendOnly: true);
        await using var scene = await FaultScene.StartAsync(postgres, redis);

        var load = await scene.RunThroughAsync(async () =>
        {
            await redis.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await redis.StartAgainAsync();
        });

        var statuses = load.Posts.Concat(load.Reads).Select(o => o.Status).ToList();
        Assert.That(statuses.Where(s => s is not (200 or 503)), Is.Empty, "only 200 or 503, never a 500 or no answer");
        Assert.That(load.Reads.Select(r => r.Status), Does.Contain(503), "home reads during the outage were 503");
        await Eventually.TrueAsync(async () =>
            (await scene.Follower.Client.GetAsync("/api/v1/timelines/home")).Status == 200, "home reads work again by themselves");
        await scene.AssertNothingLostAsync(load);
    }
}
