using Fedi.Testing;

namespace Fedi.System.Tests.Faults;

/// <summary>PostgreSQL crashes and comes back while people post and read.</summary>
[NonParallelizable]
public sealed class PostgresRestartTests
{
    [Test]
    public async Task While_postgres_is_down_requests_get_503_and_afterwards_no_post_is_half_written_or_lost()
    {
        await using var postgres = await TestPostgres.StartOwnAsync(durable: true);
        await using var redis = await TestRedis.StartAsync();
        await using var scene = await FaultScene.StartAsync(postgres, redis);

        var load = await scene.RunThroughAsync(async () =>
        {
            await postgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await postgres.StartAgainAsync();
        });

        var statuses = load.Posts.Concat(load.Reads).Select(o => o.Status).ToList();
        Assert.That(statuses.Where(s => s is not (200 or 503)), Is.Empty, "only 200 or 503, never a 500 or no answer");
        Assert.That(statuses, Does.Contain(503), "the outage was seen as 503");
        await Eventually.TrueAsync(async () =>
            (await scene.Poster.Client.PostFormAsync("/api/v1/statuses", [new("status", "after the restart")])).Status == 200,
            "posting works again without a restart of Fedi");
        await scene.AssertNothingLostAsync(load);
    }
}
