using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Statuses;

public sealed class ShowingAndDeletingStatusesTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Each_visibility_shows_a_status_to_exactly_the_people_it_names()
    {
        var author = await Cluster.Users.SignUpAsync();
        var follower = await Cluster.Users.SignUpAsync();
        var mentioned = await Cluster.Users.SignUpAsync();
        var stranger = await Cluster.Users.SignUpAsync();
        await FollowAsync(follower, author);
        var statuses = new Dictionary<string, string>
        {
            ["public"] = await PostAsync(author, "public"),
            ["unlisted"] = await PostAsync(author, "unlisted", "unlisted"),
            ["private"] = await PostAsync(author, "private", "private"),
            ["direct"] = await PostAsync(author, $"direct to @{mentioned.Username}", "direct"),
        };

        async Task<IEnumerable<string>> Visible(ApiClient client)
        {
            var seen = new List<string>();
            foreach (var (visibility, id) in statuses)
                if ((await client.GetAsync($"/api/v1/statuses/{id}")).Status == 200) seen.Add(visibility);
            return seen;
        }

        Assert.That(await Visible(Cluster.Api), Is.EquivalentTo(new[] { "public", "unlisted" }));
        Assert.That(await Visible(stranger.Client), Is.EquivalentTo(new[] { "public", "unlisted" }));
        Assert.That(await Visible(follower.Client), Is.EquivalentTo(new[] { "public", "unlisted", "private" }));
        Assert.That(await Visible(mentioned.Client), Is.EquivalentTo(new[] { "public", "unlisted", "direct" }));
        Assert.That(await Visible(author.Client), Is.EquivalentTo(new[] { "public", "unlisted", "private", "direct" }));
    }

    [Test]
    public async Task Unknown_and_malformed_ids_are_not_found()
    {
        var missing = await Cluster.Api.GetAsync("/api/v1/statuses/123456789");
        var malformed = await Cluster.Api.GetAsync("/api/v1/statuses/not-an-id");

        Assert.That((missing.Status, Error(missing)), Is.EqualTo((404, "Record not found")));
        Assert.That((malformed.Status, Error(malformed)), Is.EqualTo((404, "Record not found")));
    }

    [Test]
    public async Task Deleting_returns_the_source_text_and_the_status_is_gone()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var id = await PostAsync(alice, "to be redrafted");

        var deleted = Json(await alice.Client.DeleteAsync($"/api/v1/statuses/{id}"));
        var after = await alice.Client.GetAsync($"/api/v1/statuses/{id}");
        var again = await alice.Client.DeleteAsync($"/api/v1/statuses/{id}");
        var account = Json(await alice.Client.GetAsync("/api/v1/accounts/verify_credentials"));

        Assert.That(deleted["text"]!.GetValue<string>(), Is.EqualTo("to be redrafted"));
        Assert.That(after.Status, Is.EqualTo(404));
        Assert.That(again.Status, Is.EqualTo(404));
        Assert.That(account["statuses_count"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task Nobody_can_delete_someone_elses_status()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var mallory = await Cluster.Users.SignUpAsync();
        var id = await PostAsync(alice, "mine");

        var attempt = await mallory.Client.DeleteAsync($"/api/v1/statuses/{id}");

        Assert.That(attempt.Status, Is.EqualTo(404));
        Assert.That((await Cluster.Api.GetAsync($"/api/v1/statuses/{id}")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_author_sees_the_app_a_status_was_posted_with_and_others_do_not()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var id = await PostAsync(alice, "posted from an app");

        var own = Json(await alice.Client.GetAsync($"/api/v1/statuses/{id}"));
        var others = Json(await bob.Client.GetAsync($"/api/v1/statuses/{id}"));

        Assert.That(own["application"]!["name"]!.GetValue<string>(), Does.StartWith("test app "));
        Assert.That(others.AsObject().ContainsKey("application"), Is.False);
    }
}
