using Fedi.Testing;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

public sealed class PinAndMuteTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Five_posts_can_be_pinned_and_the_sixth_is_refused_with_mastodons_message()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var posts = new List<string>();
        for (var i = 0; i < 6; i++) posts.Add(await PostAsync(alice, $"post {i}"));

        await Task.WhenAll(posts.Take(5).Select(post => ActAsync(alice, post, "pin")));
        var sixth = await alice.Client.PostFormAsync($"/api/v1/statuses/{posts[5]}/pin", []);
        var again = await ActAsync(alice, posts[0], "pin");

        Assert.That(sixth.Status, Is.EqualTo(422));
        Assert.That(Error(sixth), Is.EqualTo("Validation failed: You have already pinned the maximum number of posts"));
        Assert.That(again["pinned"]!.GetValue<bool>(), Is.True, "pinning a pinned post again is no error");
        var pinned = Ids(await Cluster.Api.GetAsync($"/api/v1/accounts/{alice.AccountId}/statuses?pinned=true"));
        Assert.That(pinned, Is.EquivalentTo(posts.Take(5)));

        await ActAsync(alice, posts[0], "unpin");
        Assert.That((await ActAsync(alice, posts[5], "pin"))["pinned"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Someone_elses_posts_boosts_and_direct_posts_cannot_be_pinned()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var bobs = await PostAsync(bob, "bob's");
        var boost = Id(await ActAsync(alice, bobs, "reblog"));
        var direct = await PostAsync(alice, $"@{bob.Username} psst", "direct");

        var others = await alice.Client.PostFormAsync($"/api/v1/statuses/{bobs}/pin", []);
        var boosted = await alice.Client.PostFormAsync($"/api/v1/statuses/{boost}/pin", []);
        var directly = await alice.Client.PostFormAsync($"/api/v1/statuses/{direct}/pin", []);

        Assert.That(Error(others), Is.EqualTo("Validation failed: Someone else's post cannot be pinned"));
        Assert.That(Error(boosted), Is.EqualTo("Validation failed: A boost cannot be pinned"));
        Assert.That(Error(directly), Is.EqualTo("Validation failed: Posts that are only visible to mentioned users cannot be pinned"));
        Assert.That(new[] { others.Status, boosted.Status, directly.Status }, Is.All.EqualTo(422));
    }

    [Test]
    public async Task Muting_a_conversation_marks_every_status_of_the_thread_muted_for_the_muter_only()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var root = await PostAsync(alice, "root");
        var reply = await PostAsync(bob, "reply", inReplyTo: root);
        var deeper = await PostAsync(alice, "deeper", inReplyTo: reply);
        var elsewhere = await PostAsync(alice, "another thread");

        var muted = await ActAsync(bob, deeper, "mute");

        Assert.That(muted["muted"]!.GetValue<bool>(), Is.True);
        Assert.That((await ShowAsync(bob, root))["muted"]!.GetValue<bool>(), Is.True);
        Assert.That((await ShowAsync(bob, elsewhere))["muted"]!.GetValue<bool>(), Is.False);
        Assert.That((await ShowAsync(alice, root))["muted"]!.GetValue<bool>(), Is.False);

        await ActAsync(bob, root, "unmute");
        Assert.That((await ShowAsync(bob, reply))["muted"]!.GetValue<bool>(), Is.False);
    }
}
