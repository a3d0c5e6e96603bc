using Fedi.Testing;
using Fedi.Web.Tests.Relationships;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

public sealed class FavouriteTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Thirty_users_favouriting_at_once_all_count_and_a_repeated_favourite_counts_once()
    {
        var author = await Cluster.Users.SignUpAsync();
        var post = await PostAsync(author, "favourite me");
        var fans = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Cluster.Users.SignUpAsync()));

        await Task.WhenAll(fans.Select(fan => ActAsync(fan, post, "favourite")));
        await ActAsync(fans[0], post, "favourite");

        var seenByFan = await ShowAsync(fans[0], post);
        Assert.That(seenByFan["favourites_count"]!.GetValue<long>(), Is.EqualTo(30));
        Assert.That(seenByFan["favourited"]!.GetValue<bool>(), Is.True);
        Assert.That((await ShowAsync(author, post))["favourited"]!.GetValue<bool>(), Is.False);

        await Task.WhenAll(fans.Take(10).Select(fan => ActAsync(fan, post, "unfavourite")));
        await ActAsync(fans[0], post, "unfavourite");
        var after = await ShowAsync(fans[0], post);
        Assert.That(after["favourites_count"]!.GetValue<long>(), Is.EqualTo(20));
        Assert.That(after["favourited"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Favourites_are_listed_newest_favourite_first_and_paged_by_link_header()
    {
        var author = await Cluster.Users.SignUpAsync();
        var fan = await Cluster.Users.SignUpAsync();
        var older = await PostAsync(author, "older");
        var newer = await PostAsync(author, "newer");
        var middle = await PostAsync(author, "middle");
        await ActAsync(fan, newer, "favourite");
        await ActAsync(fan, middle, "favourite");
        await ActAsync(fan, older, "favourite");

        var first = await fan.Client.GetAsync("/api/v1/favourites?limit=2");
        var second = await fan.Client.GetAsync(LinkHeaders.Next(first));

        Assert.That(Ids(first), Is.EqualTo(new[] { older, middle }));
        Assert.That(Ids(second), Is.EqualTo(new[] { newer }));
        Assert.That(Json(first)[0]!["favourited"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Bookmarks_are_private_to_the_user_and_flagged_in_timelines()
    {
        var author = await Cluster.Users.SignUpAsync();
        var reader = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, author);
        await StartHomeAsync(reader);
        var post = await PostAsync(author, "bookmark me");
        await HomeHoldingAsync(reader, post, "the post reached the reader's home");

        var bookmarked = await ActAsync(reader, post, "bookmark");
        var home = await HomeAsync(reader);

        Assert.That(bookmarked["bookmarked"]!.GetValue<bool>(), Is.True);
        Assert.That(home.Single(s => Id(s) == post)["bookmarked"]!.GetValue<bool>(), Is.True);
        Assert.That(Ids(await reader.Client.GetAsync("/api/v1/bookmarks")), Is.EqualTo(new[] { post }));
        Assert.That(Ids(await author.Client.GetAsync("/api/v1/bookmarks")), Is.Empty);
        Assert.That((await ShowAsync(author, post))["bookmarked"]!.GetValue<bool>(), Is.False);

        await ActAsync(reader, post, "unbookmark");
        Assert.That(Ids(await reader.Client.GetAsync("/api/v1/bookmarks")), Is.Empty);
    }

    [Test]
    public async Task Favourited_by_lists_the_accounts_and_a_hidden_status_cannot_be_favourited()
    {
        var author = await Cluster.Users.SignUpAsync();
        var fan = await Cluster.Users.SignUpAsync();
        var stranger = await Cluster.Users.SignUpAsync();
        var post = await PostAsync(author, "public");
        var secret = await PostAsync(author, "followers only", "private");
        await ActAsync(fan, post, "favourite");

        var by = Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{post}/favourited_by")).AsArray();
        var hidden = await stranger.Client.PostFormAsync($"/api/v1/statuses/{secret}/favourite", []);
        var unknown = await stranger.Client.PostFormAsync("/api/v1/statuses/123/favourite", []);

        Assert.That(by.Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { fan.AccountId }));
        Assert.That(hidden.Status, Is.EqualTo(404));
        Assert.That(Error(hidden), Is.EqualTo("Record not found"));
        Assert.That(unknown.Status, Is.EqualTo(404));
    }
}
