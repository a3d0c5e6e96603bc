using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Discovery;

public sealed class DirectoryTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task MakeDiscoverableAsync(TestUser user) =>
        Rows.ExecuteAsync("UPDATE accounts SET discoverable = true WHERE id = @id", new { id = long.Parse(user.AccountId) });

    private static async Task<IReadOnlyList<string>> DirectoryAsync(string query) =>
        Json(await Cluster.Api.GetAsync($"/api/v1/directory?{query}")).AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();

    [Test]
    public async Task The_directory_lists_only_discoverable_accounts_newest_or_most_active_first()
    {
        var (quiet, older, hidden, newer) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(),
            await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        foreach (var user in new[] { quiet, older, newer }) await MakeDiscoverableAsync(user);
        await PostAsync(newer, "first");
        await PostAsync(hidden, "never listed");
        await PostAsync(older, "latest post");

        var byNew = await DirectoryAsync("order=new&limit=80");
        var byActive = await DirectoryAsync("order=active&limit=80");

        Assert.That(byNew, Does.Not.Contain(hidden.AccountId));
        Assert.That(byNew.Where(new[] { quiet.AccountId, older.AccountId, newer.AccountId }.Contains),
            Is.EqualTo(new[] { newer.AccountId, older.AccountId, quiet.AccountId }));
        Assert.That(byActive.Where(new[] { quiet.AccountId, older.AccountId, newer.AccountId }.Contains),
            Is.EqualTo(new[] { older.AccountId, newer.AccountId, quiet.AccountId }));
        Assert.That((await Cluster.Api.GetAsync("/api/v1/directory?order=loud")).Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Suggestions_are_discoverable_accounts_the_user_does_not_follow()
    {
        var (viewer, followed, suggested, hidden) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(),
            await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        foreach (var user in new[] { viewer, followed, suggested }) await MakeDiscoverableAsync(user);
        foreach (var user in new[] { viewer, followed, suggested, hidden }) await PostAsync(user, "active");
        await FollowAsync(viewer, followed);

        var v1 = Json(await viewer.Client.GetAsync("/api/v1/suggestions?limit=80")).AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        var v2 = Json(await viewer.Client.GetAsync("/api/v2/suggestions?limit=80")).AsArray();

        Assert.That(v1, Does.Contain(suggested.AccountId));
        Assert.That(v1, Does.Not.Contain(followed.AccountId).And.Not.Contain(hidden.AccountId).And.Not.Contain(viewer.AccountId));
        Assert.That(v2.Select(s => s!["account"]!["id"]!.GetValue<string>()), Is.EqualTo(v1));
        Assert.That(v2[0]!["source"]!.GetValue<string>(), Is.EqualTo("global"));
        Assert.That((await Cluster.Api.GetAsync("/api/v2/suggestions")).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Trending_tags_come_from_recent_public_posts()
    {
        var (a, b) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        var tag = RandomNames.Unique("trend");
        var privateTag = RandomNames.Unique("secret");
        await PostAsync(a, $"#{tag}");
        await PostAsync(b, $"#{tag}");
        await PostAsync(a, $"#{privateTag}", "private");

        var names = Json(await Cluster.Api.GetAsync("/api/v1/trends/tags?limit=20")).AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

        Assert.That(names, Does.Contain(tag));
        Assert.That(names, Does.Not.Contain(privateTag));
        Assert.That(Json(await Cluster.Api.GetAsync("/api/v1/trends/links")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Trending_statuses_are_recent_boosted_or_favourited_public_posts_of_discoverable_authors()
    {
        var (author, shy, reader) = (await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync(), await Cluster.Users.SignUpAsync());
        (await author.Client.PatchAsync("/api/v1/accounts/update_credentials", new { discoverable = true })).EnsureSuccess();
        var liked = await PostAsync(author, "liked once");
        var boosted = await PostAsync(author, "boosted once");
        var quiet = await PostAsync(author, "nobody cared");
        var warned = Json(await author.Client.PostFormAsync("/api/v1/statuses", [new("status", "behind a warning"), new("spoiler_text", "cw")]))["id"]!.GetValue<string>();
        var shyPost = await PostAsync(shy, "not discoverable");
        foreach (var id in new[] { liked, warned, shyPost })
            (await reader.Client.PostFormAsync($"/api/v1/statuses/{id}/favourite", [])).EnsureSuccess();
        (await reader.Client.PostFormAsync($"/api/v1/statuses/{boosted}/reblog", [])).EnsureSuccess();

        var ids = Json(await reader.Client.GetAsync("/api/v1/trends/statuses?limit=40")).AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

        Assert.That(ids, Does.Contain(liked).And.Contain(boosted));
        Assert.That(ids.IndexOf(boosted), Is.LessThan(ids.IndexOf(liked)), "a boost weighs more than a favourite");
        Assert.That(ids, Does.Not.Contain(quiet).And.Not.Contain(warned).And.Not.Contain(shyPost));
    }
}
