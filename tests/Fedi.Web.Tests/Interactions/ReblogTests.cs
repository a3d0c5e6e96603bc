using Fedi.Testing;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

public sealed class ReblogTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_reblog_reaches_the_boosters_followers_wrapping_the_original_and_counts_once()
    {
        var author = await Cluster.Users.SignUpAsync();
        var booster = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, booster);
        await StartHomeAsync(reader);
        var post = await PostAsync(author, "boost me");

        var reblog = await ActAsync(booster, post, "reblog");
        var again = await ActAsync(booster, post, "reblog");
        var home = await HomeHoldingAsync(reader, Id(reblog), "the reblog reached the booster's follower");

        var shown = home.Single(s => Id(s) == Id(reblog));
        Assert.That(Id(again), Is.EqualTo(Id(reblog)), "reblogging twice returns the first reblog");
        Assert.That(shown["reblog"]!["id"]!.GetValue<string>(), Is.EqualTo(post));
        Assert.That(shown["account"]!["id"]!.GetValue<string>(), Is.EqualTo(booster.AccountId));
        Assert.That(shown["reblog"]!["reblogs_count"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That((await ShowAsync(booster, post))["reblogged"]!.GetValue<bool>(), Is.True);
        var by = Json(await booster.Client.GetAsync($"/api/v1/statuses/{post}/reblogged_by")).AsArray();
        Assert.That(by.Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { booster.AccountId }));
    }

    [Test]
    public async Task Favouriting_a_boost_favourites_the_original_which_the_home_timeline_then_shows_favourited()
    {
        var author = await Cluster.Users.SignUpAsync();
        var booster = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, booster);
        await StartHomeAsync(reader);
        var post = await PostAsync(author, "boosted and liked");
        var reblog = Id(await ActAsync(booster, post, "reblog"));
        await HomeHoldingAsync(reader, reblog, "the reblog reached the reader");

        var favourited = await ActAsync(reader, reblog, "favourite");
        var shown = (await HomeAsync(reader)).Single(s => Id(s) == reblog);

        Assert.That(Id(favourited), Is.EqualTo(post));
        Assert.That(shown["reblog"]!["favourited"]!.GetValue<bool>(), Is.True);
        Assert.That(shown["reblog"]!["favourites_count"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(shown["reblog"]!["reblogged"]!.GetValue<bool>(), Is.False, "the reader did not boost it");
    }

    [Test]
    public async Task A_boost_of_a_post_already_near_the_top_of_the_home_feed_is_not_shown_again()
    {
        var author = await Cluster.Users.SignUpAsync();
        var booster = await Cluster.Users.SignUpAsync();
        var secondBooster = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        var onlyBooster = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, author);
        await FollowAsync(reader, booster);
        await FollowAsync(reader, secondBooster);
        await FollowAsync(onlyBooster, booster);
        await FollowAsync(onlyBooster, secondBooster);
        await StartHomeAsync(reader);
        await StartHomeAsync(onlyBooster);
        var post = await PostAsync(author, "seen already");
        await HomeHoldingAsync(reader, post, "the original reached the reader");

        var first = Id(await ActAsync(booster, post, "reblog"));
        await HomeHoldingAsync(onlyBooster, first, "the first boost reached the booster's follower");
        var second = Id(await ActAsync(secondBooster, post, "reblog"));
        var marker = await PostAsync(secondBooster, "after the boost");
        await HomeHoldingAsync(reader, marker, "the second booster's later post reached the reader");
        var onlyBoosterHome = await HomeHoldingAsync(onlyBooster, marker, "the later post reached the other follower");

        var readerIds = (await HomeAsync(reader)).Select(Id).ToList();
        Assert.That(readerIds, Does.Contain(post).And.Not.Contain(first).And.Not.Contain(second));
        Assert.That(onlyBoosterHome.Select(Id), Does.Contain(first).And.Not.Contain(second), "one boost of a post is enough");
    }

    [Test]
    public async Task A_follow_without_reblogs_keeps_the_boosts_out_of_home()
    {
        var author = await Cluster.Users.SignUpAsync();
        var booster = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        Json(await reader.Client.PostFormAsync($"/api/v1/accounts/{booster.AccountId}/follow", [new("reblogs", "false")]));
        await StartHomeAsync(reader);
        var post = await PostAsync(author, "boosted");

        var reblog = Id(await ActAsync(booster, post, "reblog"));
        var marker = await PostAsync(booster, "own post after the boost");
        var home = await HomeHoldingAsync(reader, marker, "the booster's own post reached the reader");

        Assert.That(home.Select(Id), Does.Not.Contain(reblog));
    }

    [Test]
    public async Task Private_and_direct_posts_of_others_cannot_be_reblogged_but_ones_own_private_post_can()
    {
        var author = await Cluster.Users.SignUpAsync();
        var follower = await Cluster.Users.SignUpAsync();
        await FollowAsync(follower, author);
        var secret = await PostAsync(author, "followers only", "private");
        var direct = await PostAsync(author, $"@{follower.Username} just you", "direct");

        var denied = await follower.Client.PostFormAsync($"/api/v1/statuses/{secret}/reblog", []);
        var deniedDirect = await follower.Client.PostFormAsync($"/api/v1/statuses/{direct}/reblog", []);
        var invisible = await (await Cluster.Users.SignUpAsync()).Client.PostFormAsync($"/api/v1/statuses/{secret}/reblog", []);
        var own = await ActAsync(author, secret, "reblog");
        var badVisibility = await author.Client.PostFormAsync($"/api/v1/statuses/{direct}/reblog", [new("visibility", "everyone")]);

        Assert.That(denied.Status, Is.EqualTo(403));
        Assert.That(Error(denied), Is.EqualTo("This action is not allowed"));
        Assert.That(deniedDirect.Status, Is.EqualTo(403));
        Assert.That(invisible.Status, Is.EqualTo(404));
        Assert.That(own["visibility"]!.GetValue<string>(), Is.EqualTo("private"));
        Assert.That(badVisibility.Status, Is.EqualTo(422));
    }

    [Test]
    public async Task Unreblogging_and_deleting_the_original_take_the_boost_out_of_home()
    {
        var author = await Cluster.Users.SignUpAsync();
        var booster = await Cluster.Users.SignUpAsync();
        var other = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, booster);
        await FollowAsync(reader, other);
        await StartHomeAsync(reader);
        var first = await PostAsync(author, "undone");
        var second = await PostAsync(author, "deleted");
        var unreblogged = Id(await ActAsync(booster, first, "reblog"));
        var orphaned = Id(await ActAsync(other, second, "reblog"));
        await HomeHoldingAsync(reader, orphaned, "the second boost reached the reader");

        var original = await ActAsync(booster, first, "unreblog");
        (await author.Client.DeleteAsync($"/api/v1/statuses/{second}")).EnsureSuccess();

        Assert.That(original["reblogged"]!.GetValue<bool>(), Is.False);
        Assert.That(original["reblogs_count"]!.GetValue<long>(), Is.Zero);
        Assert.That((await booster.Client.GetAsync($"/api/v1/statuses/{unreblogged}")).Status, Is.EqualTo(404));
        Assert.That((await other.Client.GetAsync($"/api/v1/statuses/{orphaned}")).Status, Is.EqualTo(404));
        await Eventually.TrueAsync(async () =>
        {
            var ids = (await HomeAsync(reader)).Select(Id).ToList();
            return !ids.Contains(unreblogged) && !ids.Contains(orphaned);
        }, "both boosts left the reader's home");
    }
}
