using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

public sealed class EditTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task<ApiResponse> EditAsync(TestUser user, string statusId, KeyValuePair<string, string>[] form) =>
        user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, user.Client.Absolute($"/api/v1/statuses/{statusId}"))
        {
            Content = new FormUrlEncodedContent(form),
        });

    [Test]
    public async Task An_edit_changes_the_status_and_keeps_every_version_oldest_first()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var post = await PostAsync(alice, "first words");
        var neverEdited = Json(await alice.Client.GetAsync($"/api/v1/statuses/{post}/history")).AsArray();

        var edited = Json(await EditAsync(alice, post, [new("status", "second words"), new("spoiler_text", "cw")]));
        Json(await EditAsync(alice, post, [new("status", "third words")]));
        var history = Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{post}/history")).AsArray();
        var source = Json(await alice.Client.GetAsync($"/api/v1/statuses/{post}/source"));

        Assert.That(neverEdited.Select(v => v!["content"]!.GetValue<string>()), Is.EqualTo(new[] { "<p>first words</p>" }));
        Assert.That(edited["content"]!.GetValue<string>(), Is.EqualTo("<p>second words</p>"));
        Assert.That(edited["spoiler_text"]!.GetValue<string>(), Is.EqualTo("cw"));
        Assert.That(edited["sensitive"]!.GetValue<bool>(), Is.True);
        Assert.That(edited["edited_at"]!.GetValue<string>(), Is.Not.Null);
        Assert.That(history.Select(v => v!["content"]!.GetValue<string>()),
            Is.EqualTo(new[] { "<p>first words</p>", "<p>second words</p>", "<p>third words</p>" }));
        Assert.That(history[0]!["account"]!["id"]!.GetValue<string>(), Is.EqualTo(alice.AccountId));
        Assert.That(source["text"]!.GetValue<string>(), Is.EqualTo("third words"));
        Assert.That(source["id"]!.GetValue<string>(), Is.EqualTo(post));
    }

    [Test]
    public async Task Only_the_author_can_edit_and_the_text_rules_still_apply()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var post = await PostAsync(alice, "mine");

        var others = await EditAsync(bob, post, [new("status", "hijacked")]);
        var blank = await EditAsync(alice, post, [new("status", " ")]);
        var tooLong = await EditAsync(alice, post, [new("status", new string('a', 501))]);

        Assert.That(others.Status, Is.EqualTo(404));
        Assert.That(blank.Status, Is.EqualTo(422));
        Assert.That(tooLong.Status, Is.EqualTo(422));
        Assert.That((await ShowAsync(alice, post))["content"]!.GetValue<string>(), Is.EqualTo("<p>mine</p>"));
        Assert.That((await ShowAsync(alice, post))["edited_at"], Is.Null);
    }

    [Test]
    public async Task An_edit_of_a_public_post_is_published_as_status_update_on_the_public_channel()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var post = await PostAsync(alice, "before");
        var messages = new ConcurrentQueue<JsonObject>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        var channel = RedisChannel.Literal($"{Cluster.RedisNamespace}:timeline:public");
        await redis.GetSubscriber().SubscribeAsync(channel, (_, message) =>
        {
            if (JsonNode.Parse((string)message!) is JsonObject json) messages.Enqueue(json);
        });

        Json(await EditAsync(alice, post, [new("status", "after")]));

        var update = await Eventually.ValueAsync(() => Task.FromResult(messages.FirstOrDefault(m =>
            m["event"]!.GetValue<string>() == "status.update" && m["payload"]!["id"]!.GetValue<string>() == post)), "a status.update of the edited post");
        Assert.That(update["payload"]!["content"]!.GetValue<string>(), Is.EqualTo("<p>after</p>"));
        Assert.That(update["payload"]!["edited_at"]!.GetValue<string>(), Is.Not.Null);
    }
}
