using StackExchange.Redis;

namespace Fedi.Testing.Tests;

public class TestRedisTests
{
    [Test]
    public async Task An_own_server_restarts_on_the_same_port_and_a_client_reconnects()
    {
        await using var redis = await TestRedis.StartOwnAsync();
        await using var client = await redis.ConnectAsync();
        var db = client.GetDatabase();
        var key = TestRedis.NewNamespace() + ":key";
        await db.StringSetAsync(key, "before");

        await redis.StopAsync();
        Assert.That(async () => await db.PingAsync(), Throws.InstanceOf<RedisException>());
        await redis.StartAgainAsync();

        Assert.That(await PingEventuallyAsync(db), Is.True, "the same multiplexer answers again after the restart");
        Assert.That((string?)await db.StringGetAsync(key), Is.Null, "persistence is off");
        Assert.That(redis.Url, Does.StartWith("redis://127.0.0.1:"));
    }

    [Test]
    public async Task The_shared_or_own_server_answers_and_namespaces_differ()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var client = await redis.ConnectAsync();

        Assert.That(await client.GetDatabase().PingAsync(), Is.LessThan(TimeSpan.FromSeconds(5)));
        var (first, second) = (TestRedis.NewNamespace(), TestRedis.NewNamespace());
        Assert.That(first, Is.Not.EqualTo(second));
    }

    private static async Task<bool> PingEventuallyAsync(IDatabase db)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await db.PingAsync();
                return true;
            }
            catch (RedisException)
            {
                await Task.Delay(200);
            }
        }
        return false;
    }
}
