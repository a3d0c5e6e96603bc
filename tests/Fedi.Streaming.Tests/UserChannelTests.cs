using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Streaming.Tests;

/// <summary>
/// The per-user channels (<c>timeline:&lt;id&gt;</c>, <c>timeline:&lt;id&gt;:notifications</c>) under both
/// STREAMING_USER_CHANNELS modes, each on a streaming process of its own: its namespace is this fixture's alone,
/// so Redis's receiver counts and the process's metrics are exact.
/// </summary>
[TestFixture("pattern")]
[TestFixture("subscribe")]
public sealed class UserChannelTests(string userChannels)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private FediCluster _cluster = null!;
    private ConnectionMultiplexer _multiplexer = null!;

    private RedisProbe Redis => new(_multiplexer, _cluster.RedisNamespace);
    private TestAccounts Accounts => new(_cluster);
    private bool ByPattern => userChannels == "pattern";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await StreamingCluster.StartOwnInstanceAsync(userChannels: userChannels);
        _multiplexer = await StreamingCluster.RedisServer.ConnectAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _multiplexer.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Updates_deletes_and_notifications_arrive_in_the_order_they_were_published()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(_cluster.StreamingUrl, user.Token, "user");
        var timeline = new List<string>();
        var notifications = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var id = Statuses.NewId();
            await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));
            await Redis.PublishAsync(RedisChannels.Notifications(user.AccountId), StreamMessage.Encode("notification", $$"""{"id":"{{id}}"}"""));
            await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Delete(id));
            timeline.AddRange([$"update {id}", $"delete {id}"]);
            notifications.Add($"notification {id}");
        }

        var received = new List<StreamingEvent>();
        while (received.Count < timeline.Count + notifications.Count)
            received.Add(new StreamingEvent(await socket.ReceiveJsonAsync(Deadline)));

        Assert.That(received.Where(e => e.Event != "notification").Select(Describe), Is.EqualTo(timeline), "the timeline channel's order");
        Assert.That(received.Where(e => e.Event == "notification").Select(Describe), Is.EqualTo(notifications), "the notifications channel's order");
    }

    [Test]
    public async Task Sockets_of_one_user_share_its_channels_until_the_last_one_leaves()
    {
        var user = await Accounts.CreateAsync();
        var (_, secondToken) = await Accounts.CreateTokenAsync(user);
        var channel = RedisChannels.Timeline(user.AccountId);
        var first = await WebSocketClient.ConnectAsync(_cluster.StreamingUrl, user.Token, "user");
        var second = await WebSocketClient.ConnectAsync(_cluster.StreamingUrl, secondToken, "user");

        // Eventually: the sockets of the previous test may still be on their way out.
        await Eventually.TrueAsync(async () => await SubscriptionsAsync() == 5, "5 channels: timeline, notifications, the account's system channel, one per token");
        Assert.That(await Redis.SubscriberCountAsync(channel), Is.EqualTo(ByPattern ? 0 : 1), ByPattern ? "received through the pattern" : "one SUBSCRIBE for both sockets");
        Assert.That(await Redis.PublishAsync(channel, Statuses.Update(Statuses.NewId())), Is.EqualTo(1), "the process receives each event once");
        Assert.That((await first.WaitForEventAsync("update", null, Deadline)).Event, Is.EqualTo("update"));
        Assert.That((await second.WaitForEventAsync("update", null, Deadline)).Event, Is.EqualTo("update"));

        await first.DisposeAsync();
        var after = Statuses.NewId();
        await Redis.PublishAsync(channel, Statuses.Update(after));
        Assert.That((await second.WaitForEventAsync("update", null, Deadline)).Payload!["id"]!.GetValue<string>(), Is.EqualTo(after),
            "the channel stays subscribed while one socket is left");

        await second.DisposeAsync();
        await Eventually.TrueAsync(async () => await SubscriptionsAsync() == 0, "every channel released");
        if (!ByPattern)
        {
            await Redis.WaitForSubscribersAsync(channel, 0, atMost: true);
            return;
        }
        var unrouted = await UnroutedAsync();
        await Redis.PublishAsync(channel, Statuses.Update(Statuses.NewId()));
        await Eventually.TrueAsync(async () => await UnroutedAsync() > unrouted, "the event still arrives through the pattern, and is dropped");
    }

    [Test]
    public async Task Only_the_per_user_channels_and_the_kill_channels_reach_the_process_without_a_listener()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(_cluster.StreamingUrl, user.Token, "user");
        const long nobody = 987654321987;

        Assert.That(await Redis.PublishAsync(RedisChannels.Timeline(nobody), Statuses.Update(Statuses.NewId())), Is.EqualTo(ByPattern ? 1 : 0));
        Assert.That(await Redis.PublishAsync(RedisChannels.Notifications(nobody), Statuses.Update(Statuses.NewId())), Is.EqualTo(ByPattern ? 1 : 0));
        Assert.That(await Redis.PublishAsync(RedisChannels.AccessToken(nobody), StreamMessage.EncodeKill()), Is.EqualTo(1));
        Assert.That(await Redis.PublishAsync(RedisChannels.System(nobody), StreamMessage.EncodeKill()), Is.EqualTo(1));
        string[] others =
        [
            RedisChannels.Public, RedisChannels.PublicLocal, RedisChannels.PublicRemoteMedia, RedisChannels.Hashtag("fedi"),
            RedisChannels.Hashtag("2024", localOnly: true), RedisChannels.List(nobody), RedisChannels.Direct(nobody),
        ];
        foreach (var other in others)
            Assert.That(await Redis.PublishAsync(other, Statuses.Update(Statuses.NewId())), Is.Zero, $"nobody listens to {other}");
    }

    private static string Describe(StreamingEvent e) =>
        $"{e.Event} {(e.Event == "delete" ? e.PayloadText : e.Payload!["id"]!.GetValue<string>())}";

    private Task<double> SubscriptionsAsync() => Metrics.ValueAsync(_cluster, "mastodon_streaming_redis_subscriptions");

    private Task<double> UnroutedAsync() => Metrics.ValueAsync(_cluster, "fedi_streaming_redis_messages_unrouted_total");
}
