using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Timelines;

public sealed class PublicTimelineTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task The_public_timeline_shows_public_posts_and_self_replies_but_nothing_else()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var shown = await PostAsync(alice, "public");
        var selfReply = await PostAsync(alice, "thread", inReplyTo: shown);
        var hidden = new[]
        {
            await PostAsync(alice, "unlisted", "unlisted"),
            await PostAsync(alice, "private", "private"),
            await PostAsync(alice, "direct", "direct"),
            await PostAsync(bob, "reply to someone else", inReplyTo: shown),
        };

        var ids = Ids(await Cluster.Api.GetAsync("/api/v1/timelines/public?limit=40"));
        var local = Ids(await Cluster.Api.GetAsync("/api/v1/timelines/public?local=true&limit=40"));
        var remote = Ids(await Cluster.Api.GetAsync("/api/v1/timelines/public?remote=true&limit=40"));

        Assert.That(ids, Does.Contain(shown).And.Contain(selfReply));
        Assert.That(ids.Intersect(hidden), Is.Empty);
        Assert.That(local, Does.Contain(shown));
        // Other tests store remote statuses on the same instance: only ours must stay off the remote timeline.
        Assert.That(remote.Intersect([shown, selfReply]), Is.Empty, "local statuses are not remote");
    }

    [Test]
    public async Task Pages_follow_max_id_since_id_min_id_and_link_headers()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var posted = new List<string>();
        for (var i = 0; i < 5; i++) posted.Add(await PostAsync(alice, $"post {i}"));
        posted.Reverse(); // newest first, as timelines are
        var path = $"/api/v1/accounts/{alice.AccountId}/statuses";

        var first = await Cluster.Api.GetAsync($"{path}?limit=2");
        var link = first.Header("Link");
        var next = link!.Split(", ")[0].Split(';')[0].Trim('<', '>');
        var second = await Cluster.Api.GetAsync(next);
        var sinceOldest = await Cluster.Api.GetAsync($"{path}?since_id={posted[4]}&limit=2");
        var afterOldest = await Cluster.Api.GetAsync($"{path}?min_id={posted[4]}&limit=2");
        var empty = await Cluster.Api.GetAsync($"{path}?max_id={posted[4]}");

        Assert.That(Ids(first), Is.EqualTo(posted.Take(2)));
        Assert.That(link, Does.Contain($"max_id={posted[1]}>; rel=\"next\"").And.Contain($"min_id={posted[0]}>; rel=\"prev\""));
        Assert.That(Ids(second), Is.EqualTo(posted.Skip(2).Take(2)));
        Assert.That(Ids(sinceOldest), Is.EqualTo(posted.Take(2)), "since_id pages from the newest");
        Assert.That(Ids(afterOldest), Is.EqualTo(new[] { posted[2], posted[3] }), "min_id pages from just after the cursor");
        Assert.That(Ids(empty), Is.Empty);
        Assert.That(empty.Header("Link"), Is.Null);
    }

    [Test]
    public async Task A_profile_shows_each_viewer_what_they_may_see()
    {
        var author = await Cluster.Users.SignUpAsync();
        var follower = await Cluster.Users.SignUpAsync();
        await FollowAsync(follower, author);
        var pub = await PostAsync(author, "public");
        var unlisted = await PostAsync(author, "unlisted", "unlisted");
        var priv = await PostAsync(author, "private", "private");
        var direct = await PostAsync(author, "direct", "direct");
        var path = $"/api/v1/accounts/{author.AccountId}/statuses";

        Assert.That(Ids(await Cluster.Api.GetAsync(path)), Is.EqualTo(new[] { unlisted, pub }));
        Assert.That(Ids(await follower.Client.GetAsync(path)), Is.EqualTo(new[] { priv, unlisted, pub }));
        Assert.That(Ids(await author.Client.GetAsync(path)), Is.EqualTo(new[] { direct, priv, unlisted, pub }));
        Assert.That((await Cluster.Api.GetAsync("/api/v1/accounts/999999/statuses")).Status, Is.EqualTo(404));
    }
}
