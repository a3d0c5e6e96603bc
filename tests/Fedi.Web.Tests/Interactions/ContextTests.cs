using Fedi.Testing;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

public sealed class ContextTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static IReadOnlyList<string> Part(System.Text.Json.Nodes.JsonNode context, string part) =>
        context[part]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

    [Test]
    public async Task The_context_lists_ancestors_root_first_and_descendants_depth_first()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var root = await PostAsync(alice, "root");
        var middle = await PostAsync(bob, "middle", inReplyTo: root);
        var first = await PostAsync(alice, "first answer", inReplyTo: middle);
        var second = await PostAsync(bob, "second answer", inReplyTo: middle);
        var underFirst = await PostAsync(bob, "under the first", inReplyTo: first);

        var ofFirst = Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{first}/context"));
        var ofRoot = Json(await alice.Client.GetAsync($"/api/v1/statuses/{root}/context"));

        Assert.That(Part(ofFirst, "ancestors"), Is.EqualTo(new[] { root, middle }));
        Assert.That(Part(ofFirst, "descendants"), Is.EqualTo(new[] { underFirst }));
        Assert.That(Part(ofRoot, "ancestors"), Is.Empty);
        Assert.That(Part(ofRoot, "descendants"), Is.EqualTo(new[] { middle, first, underFirst, second }));
    }

    [Test]
    public async Task The_context_shows_each_reader_only_what_they_may_see()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var follower = await Cluster.Users.SignUpAsync();
        var mentioned = await Cluster.Users.SignUpAsync();
        var blocker = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        await FollowAsync(follower, alice);
        var root = await PostAsync(carol, "open question");
        var forFollowers = await PostAsync(alice, "followers only answer", "private", inReplyTo: root);
        var direct = await PostAsync(alice, $"@{mentioned.Username} between us", "direct", inReplyTo: root);
        var open = await PostAsync(alice, "public answer", inReplyTo: root);
        Json(await blocker.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/block", []));

        async Task<IReadOnlyList<string>> DescendantsFor(TestUser? reader) => Part(Json(
            await (reader?.Client ?? Cluster.Api).GetAsync($"/api/v1/statuses/{root}/context")), "descendants");

        Assert.That(await DescendantsFor(null), Is.EqualTo(new[] { open }));
        Assert.That(await DescendantsFor(follower), Is.EqualTo(new[] { forFollowers, open }));
        Assert.That(await DescendantsFor(mentioned), Is.EqualTo(new[] { direct, open }));
        Assert.That(await DescendantsFor(alice), Is.EqualTo(new[] { forFollowers, direct, open }));
        Assert.That(await DescendantsFor(blocker), Is.Empty);
        Assert.That((await Cluster.Api.GetAsync($"/api/v1/statuses/{forFollowers}/context")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Several_statuses_are_fetched_by_id_in_the_order_asked_leaving_out_what_the_reader_cannot_see()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        var one = await PostAsync(alice, "one");
        var secret = await PostAsync(alice, "secret", "private");
        var two = await PostAsync(alice, "two");

        var found = Ids(await reader.Client.GetAsync($"/api/v1/statuses?id[]={two}&id[]={secret}&id[]={one}&id[]=nonsense"));

        Assert.That(found, Is.EqualTo(new[] { two, one }));
        Assert.That(Json(await reader.Client.GetAsync($"/api/v1/statuses?id[]={one}"))[0]!["favourited"]!.GetValue<bool>(), Is.False);
    }
}
