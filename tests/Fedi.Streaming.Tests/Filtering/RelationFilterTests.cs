using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;
using static Fedi.Streaming.Tests.Filtering.StatusPayloads;

namespace Fedi.Streaming.Tests.Filtering;

/// <summary>
/// Blocks, mutes and domain blocks made through the API hide statuses on public and hashtag streams, and
/// changes apply to open connections. Whether a status arrived is decided by a sentinel status published
/// right after it on the same channel: frames of one channel arrive in order, so no waiting is guessed.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class RelationFilterTests : StreamingTest
{
    private static ApiClient Api(StreamingUser user) => new(Cluster.WebUrl, user.Token);

    private static async Task PostAsync(StreamingUser user, string path, params KeyValuePair<string, string>[] form) =>
        (await Api(user).PostFormAsync(path, form)).EnsureSuccess();

    private static async Task<(WebSocketClient Socket, string Channel)> HashtagStreamAsync(StreamingUser viewer)
    {
        var tag = RandomNames.Unique("tag");
        var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "hashtag", extraQuery: new Dictionary<string, string> { ["tag"] = tag });
        return (socket, RedisChannels.Hashtag(tag));
    }

    private static Task<bool> DeliveredAsync(WebSocketClient socket, string channel, string id, string message) =>
        StatusPayloads.DeliveredAsync(Redis, socket, channel, id, message, Deadline);

    private static Task<bool> DeliveredAsync(WebSocketClient socket, string channel, JsonObject status) =>
        DeliveredAsync(socket, channel, status["id"]!.GetValue<string>(), Update(status));

    /// <summary>For changes made while connected: the connection reloads its sets shortly after the change.</summary>
    private static Task EventuallyAsync(WebSocketClient socket, string channel, Func<JsonObject> status, bool delivered, string what) =>
        Eventually.TrueAsync(async () => await DeliveredAsync(socket, channel, status()) == delivered, what);

    [Test]
    public async Task A_blocked_author_is_not_streamed_on_public_and_is_again_after_unblocking()
    {
        var viewer = await Accounts.CreateAsync();
        var blocked = await Accounts.CreateAsync();
        await PostAsync(viewer, $"/api/v1/accounts/{blocked.AccountId}/block");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "public");
        await Redis.WaitForSubscribersAsync(RedisChannels.Public, 1);

        Assert.That(await DeliveredAsync(socket, RedisChannels.Public, Status(NewId(), blocked.AccountId)), Is.False);
        Assert.That(await DeliveredAsync(socket, RedisChannels.Public, Status(NewId(), Neutral)), Is.True);

        await PostAsync(viewer, $"/api/v1/accounts/{blocked.AccountId}/unblock");

        await EventuallyAsync(socket, RedisChannels.Public, () => Status(NewId(), blocked.AccountId), delivered: true, "unblocked author streamed again");
    }

    [Test]
    public async Task Muting_while_connected_hides_the_muted_author_from_then_on()
    {
        var viewer = await Accounts.CreateAsync();
        var muted = await Accounts.CreateAsync();
        var (socket, channel) = await HashtagStreamAsync(viewer);
        await using var _ = socket;
        Assert.That(await DeliveredAsync(socket, channel, Status(NewId(), muted.AccountId)), Is.True);

        await PostAsync(viewer, $"/api/v1/accounts/{muted.AccountId}/mute");

        await EventuallyAsync(socket, channel, () => Status(NewId(), muted.AccountId), delivered: false, "muted author hidden");
        Assert.That(await DeliveredAsync(socket, channel, Status(NewId(), Neutral)), Is.True, "others still stream");
    }

    [Test]
    public async Task An_author_who_blocks_the_viewer_is_hidden_from_the_viewer()
    {
        var viewer = await Accounts.CreateAsync();
        var blocker = await Accounts.CreateAsync();
        var (socket, channel) = await HashtagStreamAsync(viewer);
        await using var _ = socket;

        await PostAsync(blocker, $"/api/v1/accounts/{viewer.AccountId}/block");

        await EventuallyAsync(socket, channel, () => Status(NewId(), blocker.AccountId), delivered: false, "blocker's status hidden from the viewer");
    }

    [Test]
    public async Task A_remote_author_on_a_blocked_domain_is_hidden_and_other_domains_are_not()
    {
        var viewer = await Accounts.CreateAsync();
        await PostAsync(viewer, "/api/v1/domain_blocks", new KeyValuePair<string, string>("domain", "blocked.example"));
        var (socket, channel) = await HashtagStreamAsync(viewer);
        await using var _ = socket;

        Assert.That(await DeliveredAsync(socket, channel, Status(NewId(), 900001, acct: "x@Blocked.Example")), Is.False);
        Assert.That(await DeliveredAsync(socket, channel, Status(NewId(), 900002, acct: "x@fine.example")), Is.True);
        var reblogOfBlockedDomain = Status(NewId(), Neutral, reblog: Status(NewId(), 900003, acct: "y@blocked.example"));
        Assert.That(await DeliveredAsync(socket, channel, reblogOfBlockedDomain), Is.False);
    }

    [Test]
    public async Task A_status_mentioning_or_reblogging_a_blocked_account_is_hidden()
    {
        var viewer = await Accounts.CreateAsync();
        var blocked = await Accounts.CreateAsync();
        await PostAsync(viewer, $"/api/v1/accounts/{blocked.AccountId}/block");
        var (socket, channel) = await HashtagStreamAsync(viewer);
        await using var _ = socket;

        var mentioning = Status(NewId(), Neutral, mentions: [blocked.AccountId]);
        var reblog = Status(NewId(), Neutral, reblog: Status(NewId(), blocked.AccountId));
        var mentioningInReblog = Status(NewId(), Neutral, reblog: Status(NewId(), Neutral + 1, mentions: [blocked.AccountId]));

        Assert.That(await DeliveredAsync(socket, channel, mentioning), Is.False);
        Assert.That(await DeliveredAsync(socket, channel, reblog), Is.False);
        Assert.That(await DeliveredAsync(socket, channel, mentioningInReblog), Is.False);
    }

    [Test]
    public async Task Two_hundred_statuses_are_filtered_from_the_sets_loaded_at_connect()
    {
        var viewer = await Accounts.CreateAsync();
        var blocked = await Accounts.CreateAsync();
        var muted = await Accounts.CreateAsync();
        var blocker = await Accounts.CreateAsync();
        await PostAsync(viewer, $"/api/v1/accounts/{blocked.AccountId}/block");
        await PostAsync(viewer, $"/api/v1/accounts/{muted.AccountId}/mute");
        await PostAsync(blocker, $"/api/v1/accounts/{viewer.AccountId}/block");
        var (socket, channel) = await HashtagStreamAsync(viewer);
        await using var _ = socket;

        long[] authors = [blocked.AccountId, muted.AccountId, blocker.AccountId, Neutral];
        var expected = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var id = NewId();
            var author = authors[i % authors.Length];
            if (author == Neutral) expected.Add(id);
            await Redis.PublishAsync(channel, Update(id, author));
        }
        var sentinel = NewId();
        await Redis.PublishAsync(channel, Update(sentinel, Neutral));

        var frames = await socket.ReceiveUntilAsync(f => PayloadId(f) == sentinel, Deadline);
        Assert.That(frames.Select(PayloadId).SkipLast(1), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_home_stream_is_not_filtered_here_as_fan_out_decides_it()
    {
        var viewer = await Accounts.CreateAsync();
        var blocked = await Accounts.CreateAsync();
        await PostAsync(viewer, $"/api/v1/accounts/{blocked.AccountId}/block");
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "user");
        var id = NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(viewer.AccountId), Update(id, blocked.AccountId));

        Assert.That(PayloadId(await socket.ReceiveJsonAsync(Deadline)), Is.EqualTo(id));
    }

    [Test]
    public async Task The_relations_changed_event_is_never_sent_to_the_client()
    {
        var viewer = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, viewer.Token, "user");
        var id = NewId();

        await Redis.PublishAsync(RedisChannels.System(viewer.AccountId), StreamMessage.EncodeRelationsChanged());
        await Redis.PublishAsync(RedisChannels.Timeline(viewer.AccountId), Update(id, Neutral));

        Assert.That(PayloadId(await socket.ReceiveJsonAsync(Deadline)), Is.EqualTo(id), "the first frame is the update, nothing before it");
    }
}
