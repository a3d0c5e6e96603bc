using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using static Fedi.Streaming.Tests.Filtering.StatusPayloads;

namespace Fedi.Streaming.Tests.Filtering;

/// <summary>
/// The block/mute filter answers from the sets loaded at connect: with the instance's database dropped after
/// the client connected, 200 statuses are still filtered exactly — so no message needed a query. Own instance.
/// </summary>
public sealed class NoQueryPerMessageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Statuses_are_filtered_without_the_database_once_connected()
    {
        await using var cluster = await StreamingCluster.StartOwnInstanceAsync();
        var accounts = new TestAccounts(cluster);
        var viewer = await accounts.CreateAsync();
        var blocked = await accounts.CreateAsync();
        var muted = await accounts.CreateAsync();
        var blocker = await accounts.CreateAsync();
        await accounts.ExecuteAsync("""
            INSERT INTO blocks (account_id, target_account_id) VALUES (@viewer, @blocked), (@blocker, @viewer);
            INSERT INTO mutes (account_id, target_account_id) VALUES (@viewer, @muted);
            INSERT INTO account_domain_blocks (account_id, domain) VALUES (@viewer, 'blocked.example');
            """, new { viewer = viewer.AccountId, blocked = blocked.AccountId, muted = muted.AccountId, blocker = blocker.AccountId });
        var tag = RandomNames.Unique("tag");
        await using var socket = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, viewer.Token, "hashtag", extraQuery: new Dictionary<string, string> { ["tag"] = tag });
        await using var multiplexer = await StreamingCluster.RedisServer.ConnectAsync();
        var redis = new RedisProbe(multiplexer, cluster.RedisNamespace);
        var channel = RedisChannels.Hashtag(tag);

        await StreamingCluster.Postgres.DropDatabaseAsync(cluster.Database.Name);

        Func<string, JsonObject>[] kinds =
        [
            id => Status(id, blocked.AccountId),
            id => Status(id, muted.AccountId),
            id => Status(id, blocker.AccountId),
            id => Status(id, 900001, acct: "someone@blocked.example"),
            id => Status(id, Neutral, mentions: [blocked.AccountId]),
            id => Status(id, Neutral),
            id => Status(id, 900002, acct: "someone@fine.example"),
        ];
        var expected = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var id = NewId();
            var kind = i % kinds.Length;
            if (kind >= 5) expected.Add(id);
            await redis.PublishAsync(channel, Update(kinds[kind](id)));
        }
        var sentinel = NewId();
        await redis.PublishAsync(channel, Update(sentinel, Neutral));

        var frames = await socket.ReceiveUntilAsync(f => PayloadId(f) == sentinel, Deadline);
        Assert.That(frames.Select(PayloadId).SkipLast(1), Is.EqualTo(expected));
    }
}
