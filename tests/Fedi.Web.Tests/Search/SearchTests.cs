using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Search;

public sealed class SearchTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<IReadOnlyList<string>> StatusIdsAsync(TestUser viewer, string q) =>
        Json(await viewer.Client.GetAsync($"/api/v2/search?type=statuses&q={Uri.EscapeDataString(q)}"))["statuses"]!.AsArray()
            .Select(s => s!["id"]!.GetValue<string>()).ToList();

    private static async Task<TestUser> IndexableAsync()
    {
        var user = await Cluster.Users.SignUpAsync();
        (await user.Client.PatchAsync("/api/v1/accounts/update_credentials", new { indexable = true })).EnsureSuccess();
        return user;
    }

    [Test]
    public async Task Statuses_are_found_as_Mastodon_makes_them_searchable()
    {
        var (viewer, followed, stranger, indexable) =
            (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(), await IndexableAsync());
        await FollowAsync(viewer, followed);
        var word = RandomNames.Unique("w");
        var indexablePublic = await PostAsync(indexable, $"public {word}");
        var indexableUnlisted = await PostAsync(indexable, $"unlisted {word}", "unlisted");
        var strangersPublic = await PostAsync(stranger, $"public {word}");
        var strangersPrivate = await PostAsync(stranger, $"private {word}", "private");
        var strangersDirect = await PostAsync(stranger, $"direct {word}", "direct");
        var mentioningViewer = await PostAsync(stranger, $"@{viewer.Username} direct {word}", "direct");
        var followedPrivate = await PostAsync(followed, $"followers only {word}", "private");
        var favouritedPrivate = await PostAsync(followed, $"followers only, favourited {word}", "private");
        var bookmarkedPublic = await PostAsync(stranger, $"bookmarked {word}");
        var own = await PostAsync(viewer, $"my own {word}", "private");
        Json(await viewer.Client.PostFormAsync($"/api/v1/statuses/{favouritedPrivate}/favourite", []));
        Json(await viewer.Client.PostFormAsync($"/api/v1/statuses/{bookmarkedPublic}/bookmark", []));

        var found = await StatusIdsAsync(viewer, word.ToUpperInvariant());
        var anonymous = Json(await Cluster.Api.GetAsync($"/api/v2/search?q={word}"));

        Assert.That(found, Is.EquivalentTo(new[] { indexablePublic, mentioningViewer, favouritedPrivate, bookmarkedPublic, own }));
        Assert.That(found, Does.Not.Contain(indexableUnlisted).And.Not.Contain(strangersPublic).And.Not.Contain(strangersPrivate)
            .And.Not.Contain(strangersDirect).And.Not.Contain(followedPrivate), "only indexable authors' public posts are open to all");
        Assert.That(anonymous["statuses"]!.AsArray(), Is.Empty, "Mastodon searches statuses for signed-in users only");
    }

    [Test]
    public async Task Posts_of_blocked_and_blocking_accounts_are_not_found()
    {
        var (viewer, blocked, blocker, other) = (await Cluster.Users.SignUpAsync(), await IndexableAsync(), await IndexableAsync(), await IndexableAsync());
        var word = RandomNames.Unique("w");
        await PostAsync(blocked, $"from blocked {word}");
        await PostAsync(blocker, $"from blocker {word}");
        var visible = await PostAsync(other, $"from other {word}");
        Json(await viewer.Client.PostFormAsync($"/api/v1/accounts/{blocked.AccountId}/block", []));
        Json(await blocker.Client.PostFormAsync($"/api/v1/accounts/{viewer.AccountId}/block", []));

        Assert.That(await StatusIdsAsync(viewer, word), Is.EqualTo(new[] { visible }));
    }

    [Test]
    public async Task Statuses_can_be_narrowed_to_one_account_and_paged_by_offset()
    {
        var (viewer, author, other) = (await Cluster.Users.SignUpAsync(), await IndexableAsync(), await IndexableAsync());
        var word = RandomNames.Unique("w");
        var first = await PostAsync(author, $"one {word}");
        var second = await PostAsync(author, $"two {word}");
        await PostAsync(other, $"three {word}");

        var byAuthor = Json(await viewer.Client.GetAsync($"/api/v2/search?type=statuses&q={word}&account_id={author.AccountId}"));
        var secondPage = Json(await viewer.Client.GetAsync($"/api/v2/search?type=statuses&q={word}&account_id={author.AccountId}&limit=1&offset=1"));

        Assert.That(byAuthor["statuses"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { second, first }));
        Assert.That(secondPage["statuses"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { first }));
        Assert.That(byAuthor["accounts"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Accounts_come_exact_match_first_then_followed_then_the_rest()
    {
        var viewer = await Cluster.Users.SignUpAsync();
        var stem = RandomNames.Unique("s");
        var longer = await Cluster.Users.SignUpAsync(stem + "zz");
        var followed = await Cluster.Users.SignUpAsync(stem + "yy");
        var exact = await Cluster.Users.SignUpAsync(stem);
        await FollowAsync(viewer, followed);

        var v2 = Json(await viewer.Client.GetAsync($"/api/v2/search?type=accounts&q={stem}"))["accounts"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<string>()).ToList();
        var v1 = Json(await viewer.Client.GetAsync($"/api/v1/accounts/search?q=@{stem.ToUpperInvariant()}"))
            .AsArray().Select(a => a!["acct"]!.GetValue<string>()).ToList();
        var followingOnly = Json(await viewer.Client.GetAsync($"/api/v1/accounts/search?q={stem}&following=true"))
            .AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();

        Assert.That(v2, Is.EqualTo(new[] { exact.AccountId, followed.AccountId, longer.AccountId }));
        Assert.That(v1, Is.EqualTo(new[] { exact.Username, followed.Username, longer.Username }));
        Assert.That(followingOnly, Is.EqualTo(new[] { followed.AccountId }));
    }

    [Test]
    public async Task Hashtags_are_found_by_prefix_with_history()
    {
        var author = await Cluster.Users.SignUpAsync();
        var tag = RandomNames.Unique("t");
        await PostAsync(author, $"#{tag}more and #{tag}");

        var hashtags = Json(await Cluster.Api.GetAsync($"/api/v2/search?type=hashtags&q=%23{tag}"))["hashtags"]!.AsArray();

        Assert.That(hashtags.Select(h => h!["name"]!.GetValue<string>()), Is.EqualTo(new[] { tag, tag + "more" }));
        Assert.That(hashtags[0]!["history"]!.AsArray(), Has.Count.EqualTo(7));
        Assert.That(hashtags[0]!["history"]![0]!["uses"]!.GetValue<string>(), Is.EqualTo("1"));
    }

    [Test]
    public async Task Bad_input_is_refused_as_Mastodon_refuses_it()
    {
        var viewer = await Cluster.Users.SignUpAsync();

        var missing = await viewer.Client.GetAsync("/api/v2/search");
        var badType = await viewer.Client.GetAsync("/api/v2/search?q=x&type=people");
        var anonymousOffset = await Cluster.Api.GetAsync("/api/v2/search?q=x&offset=5");
        var anonymousResolve = await Cluster.Api.GetAsync("/api/v2/search?q=x&resolve=true");
        var blank = Json(await viewer.Client.GetAsync("/api/v2/search?q=%20&resolve=true"));

        Assert.That(missing.Status, Is.EqualTo(400));
        Assert.That(badType.Status, Is.EqualTo(400));
        Assert.That(anonymousOffset.Status, Is.EqualTo(401));
        Assert.That(anonymousResolve.Status, Is.EqualTo(401));
        Assert.That(blank["accounts"]!.AsArray(), Is.Empty);
        Assert.That(Error(missing), Is.Not.Empty);
    }
}
