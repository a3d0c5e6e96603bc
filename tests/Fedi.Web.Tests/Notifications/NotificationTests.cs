using System.Text.Json.Nodes;
using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Notifications.Notifications;

namespace Fedi.Web.Tests.Notifications;

/// <summary>Which acts notify whom, and which relations keep a notification away (Mastodon's NotifyService rules).</summary>
public sealed class NotificationTests
{
    [Test]
    public async Task Being_followed_notifies_with_the_follower_as_account()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();

        await FollowAsync(bob, alice);

        var notification = await WaitForAsync(alice, "follow", bob);
        Assert.That(notification["status"], Is.Null);
        Assert.That(notification["account"].Text("acct"), Is.EqualTo(bob.Username));
        Assert.That(notification.Text("group_key"), Does.StartWith("follow-"));
    }

    [Test]
    public async Task A_mention_notifies_with_the_status_and_the_same_event_never_twice()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();

        var statusId = await PostAsync(bob, $"hi @{alice.Username}");
        var mention = await WaitForAsync(alice, "mention", bob);
        await FollowAsync(bob, alice);
        await WaitForAsync(alice, "follow", bob);
        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/unfollow", [])).EnsureSuccess();
        await FollowAsync(bob, alice);
        await Task.Delay(500);

        Assert.That(mention["status"].Text("id"), Is.EqualTo(statusId));
        Assert.That(await TypesFromAsync(alice, bob), Is.EquivalentTo(new[] { "follow", "mention" }));
    }

    [Test]
    public async Task Ringing_the_bell_notifies_of_new_statuses_but_not_of_replies_to_others()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();
        var carol = await SignUpAsync();
        await FollowAsync(alice, bob, notify: true);

        var other = await PostAsync(carol, "a post");
        (await bob.Client.PostFormAsync("/api/v1/statuses", [new("status", "a reply"), new("in_reply_to_id", other)])).EnsureSuccess();
        var statusId = await PostAsync(bob, "news");

        var notification = await WaitForAsync(alice, "status", bob);
        await Task.Delay(300);
        Assert.That(notification["status"].Text("id"), Is.EqualTo(statusId));
        Assert.That(await TypesFromAsync(alice, bob), Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public async Task Mentioning_yourself_notifies_no_one()
    {
        var alice = await SignUpAsync();
        var witness = await SignUpAsync();

        await MentionWithWitnessAsync(alice, alice, witness);

        Assert.That(await TypesFromAsync(alice, alice), Is.Empty);
    }

    [Test]
    public async Task A_mute_with_notifications_hides_mentions_but_a_mute_without_does_not()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();
        var carol = await SignUpAsync();
        var witness = await SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/mute", [])).EnsureSuccess();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{carol.AccountId}/mute", [new("notifications", "false")])).EnsureSuccess();

        await MentionWithWitnessAsync(bob, alice, witness);
        await MentionWithWitnessAsync(carol, alice, witness);

        Assert.That(await TypesFromAsync(alice, bob), Is.Empty);
        Assert.That(await TypesFromAsync(alice, carol), Is.EqualTo(new[] { "mention" }));
    }

    [Test]
    public async Task A_muted_conversation_notifies_of_neither_replies_nor_favourites_in_it()
    {
        var (recipient, author, witness) = (await SignUpAsync(), await SignUpAsync(), await SignUpAsync());
        var root = await PostAsync(recipient, "a thread");
        (await recipient.Client.PostFormAsync($"/api/v1/statuses/{root}/mute", [])).EnsureSuccess();

        (await author.Client.PostFormAsync("/api/v1/statuses",
            [new("status", $"@{recipient.Username} @{witness.Username} a reply"), new("in_reply_to_id", root)])).EnsureSuccess();
        await WaitForAsync(witness, "mention", author);
        (await author.Client.PostFormAsync($"/api/v1/statuses/{root}/favourite", [])).EnsureSuccess();
        var elsewhere = await PostAsync(author, $"@{recipient.Username} another thread");
        await WaitForAsync(recipient, "mention", author);

        var notified = await ListAsync(recipient);
        Assert.That(notified.Where(n => n!["account"].Text("id") == author.AccountId).Select(n => n!["status"].Text("id")),
            Is.EqualTo(new[] { elsewhere }), "only the mention outside the muted thread");
    }

    [Test]
    public async Task A_block_either_way_keeps_notifications_away()
    {
        var alice = await SignUpAsync();
        var blocked = await SignUpAsync();
        var blocker = await SignUpAsync();
        var witness = await SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{blocked.AccountId}/block", [])).EnsureSuccess();
        (await blocker.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/block", [])).EnsureSuccess();

        await MentionWithWitnessAsync(blocked, alice, witness);
        await MentionWithWitnessAsync(blocker, alice, witness);

        Assert.That(await TypesFromAsync(alice, blocked), Is.Empty);
        Assert.That(await TypesFromAsync(alice, blocker), Is.Empty);
    }

    [Test]
    public async Task Signing_up_notifies_admins()
    {
        var admin = await SignUpAsync();
        await Rows.ExecuteAsync("UPDATE users SET admin = true WHERE account_id = @id", new { id = long.Parse(admin.AccountId) });

        var newcomer = await SignUpAsync();

        await WaitForAsync(admin, "admin.sign_up", newcomer);
        await Rows.ExecuteAsync("UPDATE users SET admin = false WHERE account_id = @id", new { id = long.Parse(admin.AccountId) });
    }

    [Test]
    public async Task A_new_notification_is_published_to_a_listening_user_stream_as_the_rendered_entity()
    {
        var alice = await SignUpAsync();
        var bob = await SignUpAsync();
        var ns = WebCluster.Cluster.RedisNamespace;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(WebCluster.Redis.Configuration);
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal($"{ns}:timeline:{alice.AccountId}:notifications"), (_, m) => messages.Enqueue(m!));
        await redis.GetDatabase().StringSetAsync($"{ns}:subscribed:timeline:{alice.AccountId}", "1", TimeSpan.FromMinutes(5));

        await FollowAsync(bob, alice);

        var message = await Eventually.ValueAsync(() => Task.FromResult(messages.FirstOrDefault()), "a message on the notifications channel");
        var frame = JsonNode.Parse(message)!;
        Assert.That(frame.Text("event"), Is.EqualTo("notification"));
        Assert.That(frame["payload"].Text("type"), Is.EqualTo("follow"));
        Assert.That(frame["payload"]!["account"].Text("id"), Is.EqualTo(bob.AccountId));
    }
}
