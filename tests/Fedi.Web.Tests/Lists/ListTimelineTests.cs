using Fedi.Testing;
using static Fedi.Web.Tests.Lists.ListFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Lists;

public sealed class ListTimelineTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task The_list_timeline_shows_members_posts_old_and_new_but_not_direct_ones_or_others()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var member = await Cluster.Users.SignUpAsync();
        var other = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, member);
        await FollowAsync(alice, other);
        var before = await PostAsync(member, "before joining the list");
        var priv = await PostAsync(member, "followers only", "private");
        var direct = await PostAsync(member, "@" + alice.Username + " direct", "direct");
        var notMember = await PostAsync(other, "not on the list");
        var list = await CreateListAsync(alice);
        (await AddMembersAsync(alice, list, member)).EnsureSuccess();

        var rebuilt = Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{list}"));
        var after = await PostAsync(member, "after the feed exists");
        var live = await EventuallyAsync(alice, list, ids => ids.Contains(after));

        Assert.That(rebuilt, Is.EqualTo(new[] { priv, before }));
        Assert.That(live, Is.EqualTo(new[] { after, priv, before }));
        Assert.That(live, Does.Not.Contain(direct).And.Not.Contain(notMember));
    }

    [Test]
    public async Task Replies_follow_the_lists_replies_policy()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var member = await Cluster.Users.SignUpAsync();
        var followedOnly = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, member);
        await FollowAsync(alice, followedOnly);
        var aliceRoot = await PostAsync(alice, "root by the owner");
        var followedRoot = await PostAsync(followedOnly, "root by someone alice follows");
        var toOwner = await PostAsync(member, "reply to the owner", inReplyTo: aliceRoot);
        var toFollowed = await PostAsync(member, "reply to a followed account", inReplyTo: followedRoot);
        var listPolicy = await CreateListAsync(alice, "list", "list");
        var followedPolicy = await CreateListAsync(alice, "followed", "followed");
        var nonePolicy = await CreateListAsync(alice, "none", "none");
        foreach (var list in new[] { listPolicy, followedPolicy, nonePolicy })
            (await AddMembersAsync(alice, list, member)).EnsureSuccess();

        Assert.That(Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{listPolicy}")), Is.EqualTo(new[] { toOwner }));
        Assert.That(Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{followedPolicy}")), Is.EqualTo(new[] { toFollowed, toOwner }));
        Assert.That(Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{nonePolicy}")), Is.EqualTo(new[] { toOwner }));
    }

    [Test]
    public async Task Unfollowing_a_member_takes_its_posts_out_of_the_list_timeline()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, bob);
        await FollowAsync(alice, carol);
        var bobs = await PostAsync(bob, "bob");
        var carols = await PostAsync(carol, "carol");
        var list = await CreateListAsync(alice);
        (await AddMembersAsync(alice, list, bob, carol)).EnsureSuccess();
        var before = Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{list}"));

        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unfollow", [])).EnsureSuccess();

        Assert.That(before, Is.EqualTo(new[] { carols, bobs }));
        Assert.That(Ids(await alice.Client.GetAsync($"/api/v1/timelines/list/{list}")), Is.EqualTo(new[] { carols }));
    }

    /// <summary>Fan-out runs in the worker: poll the list timeline until it shows what the test waits for.</summary>
    private static async Task<IReadOnlyList<string>> EventuallyAsync(TestUser owner, string list, Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var ids = Ids(await owner.Client.GetAsync($"/api/v1/timelines/list/{list}"));
            if (done(ids) || DateTime.UtcNow > deadline) return ids;
            await Task.Delay(50);
        }
    }
}
