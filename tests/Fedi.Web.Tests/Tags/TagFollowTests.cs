using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Tags;

public sealed class TagFollowTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Following_a_tag_shows_in_the_tag_and_in_followed_tags_until_unfollowed()
    {
        var user = await Cluster.Users.SignUpAsync();
        var tag = RandomNames.Unique("t");

        var followed = Json(await user.Client.PostFormAsync($"/api/v1/tags/{tag.ToUpperInvariant()}/follow", []));
        var shown = Json(await user.Client.GetAsync($"/api/v1/tags/{tag}"));
        var list = Json(await user.Client.GetAsync("/api/v1/followed_tags")).AsArray();
        var unfollowed = Json(await user.Client.PostFormAsync($"/api/v1/tags/{tag}/unfollow", []));
        var after = Json(await user.Client.GetAsync("/api/v1/followed_tags")).AsArray();
        var anonymous = Json(await Cluster.Api.GetAsync($"/api/v1/tags/{tag}"));

        Assert.That(followed["name"]!.GetValue<string>(), Is.EqualTo(tag));
        Assert.That(followed["following"]!.GetValue<bool>(), Is.True);
        Assert.That(shown["following"]!.GetValue<bool>(), Is.True);
        Assert.That(shown["history"]!.AsArray(), Has.Count.EqualTo(7));
        Assert.That(list.Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { tag }));
        Assert.That(unfollowed["following"]!.GetValue<bool>(), Is.False);
        Assert.That(after, Is.Empty);
        Assert.That(anonymous.AsObject().ContainsKey("following"), Is.False);
        Assert.That((await Cluster.Api.GetAsync($"/api/v1/tags/{RandomNames.Unique("none")}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Public_posts_with_a_followed_tag_reach_the_home_feed_once()
    {
        var (reader, author, followedAuthor) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        var tag = RandomNames.Unique("t");
        await FollowAsync(reader, followedAuthor);
        Json(await reader.Client.PostFormAsync($"/api/v1/tags/{tag}/follow", []));
        Json(await reader.Client.GetAsync("/api/v1/timelines/home")); // the feed exists, as for an active user

        var tagged = await PostAsync(author, $"news #{tag}");
        var unlisted = await PostAsync(author, $"quiet #{tag}", "unlisted");
        var fromFollowed = await PostAsync(followedAuthor, $"both ways #{tag}");
        var marker = await PostAsync(followedAuthor, "last");

        IReadOnlyList<string> home = [];
        await Eventually.TrueAsync(async () => (home = Ids(await reader.Client.GetAsync("/api/v1/timelines/home"))).Contains(marker)
                                               && home.Contains(tagged), "the tagged post reaches the home feed");

        Assert.That(home, Does.Contain(tagged).And.Contain(fromFollowed));
        Assert.That(home, Does.Not.Contain(unlisted));
        Assert.That(home.Count(id => id == fromFollowed), Is.EqualTo(1));
    }

    [Test]
    public async Task Followed_tags_need_a_user_and_the_follows_scopes()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var readOnly = await Cluster.Users.PasswordTokenAsync(app, user.Email, user.Password, "read");

        Assert.That((await Cluster.Api.GetAsync("/api/v1/followed_tags")).Status, Is.EqualTo(401));
        Assert.That((await Cluster.Api.WithToken(readOnly).PostFormAsync("/api/v1/tags/abc/follow", [])).Status, Is.EqualTo(403));
        Assert.That((await user.Client.PostFormAsync($"/api/v1/tags/{RandomNames.Unique("x")}/unfollow", [])).Status, Is.EqualTo(404));
    }
}
