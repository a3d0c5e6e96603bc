using Fedi.Testing;
using static Fedi.Web.Tests.Lists.ListFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Lists;

public sealed class ListsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_user_creates_renames_lists_and_deletes_a_list()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var created = Json(await alice.Client.PostFormAsync("/api/v1/lists", [new("title", "Friends"), new("replies_policy", "followed"), new("exclusive", "true")]));
        var id = created["id"]!.GetValue<string>();

        var updated = Json(await alice.Client.PutAsync($"/api/v1/lists/{id}", new { title = "Close friends" }));
        var shown = Json(await alice.Client.GetAsync($"/api/v1/lists/{id}"));
        var index = Json(await alice.Client.GetAsync("/api/v1/lists")).AsArray();
        var deleted = await alice.Client.DeleteAsync($"/api/v1/lists/{id}");

        Assert.That(created["title"]!.GetValue<string>(), Is.EqualTo("Friends"));
        Assert.That(created["replies_policy"]!.GetValue<string>(), Is.EqualTo("followed"));
        Assert.That(created["exclusive"]!.GetValue<bool>(), Is.True);
        Assert.That(updated["title"]!.GetValue<string>(), Is.EqualTo("Close friends"));
        Assert.That(updated["replies_policy"]!.GetValue<string>(), Is.EqualTo("followed"), "what was not sent stays");
        Assert.That(shown.ToJsonString(), Is.EqualTo(updated.ToJsonString()));
        Assert.That(index.Select(l => l!["id"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
        Assert.That(deleted.Status, Is.EqualTo(200));
        (await alice.Client.GetAsync($"/api/v1/lists/{id}")).AssertError(404, "Record not found");
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/lists")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_blank_title_or_unknown_replies_policy_is_refused_and_nothing_is_created()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var blank = await alice.Client.PostFormAsync("/api/v1/lists", [new("title", "  ")]);
        var policy = await alice.Client.PostFormAsync("/api/v1/lists", [new("title", "x"), new("replies_policy", "everyone")]);

        blank.AssertError(422, "Validation failed: Title can't be blank");
        Assert.That(policy.Status, Is.EqualTo(422));
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/lists")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Someone_elses_list_does_not_exist_for_you()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var mallory = await Cluster.Users.SignUpAsync();
        var list = await CreateListAsync(alice);

        (await mallory.Client.GetAsync($"/api/v1/lists/{list}")).AssertError(404, "Record not found");
        (await mallory.Client.PutAsync($"/api/v1/lists/{list}", new { title = "mine" })).AssertError(404, "Record not found");
        (await mallory.Client.DeleteAsync($"/api/v1/lists/{list}")).AssertError(404, "Record not found");
        (await mallory.Client.GetAsync($"/api/v1/lists/{list}/accounts")).AssertError(404, "Record not found");
        (await AddMembersAsync(mallory, list, alice)).AssertError(404, "Record not found");
        (await mallory.Client.GetAsync($"/api/v1/timelines/list/{list}")).AssertError(404, "Record not found");
        (await alice.Client.GetAsync("/api/v1/lists/not-a-number")).AssertError(404, "Record not found");
        Assert.That(Json(await alice.Client.GetAsync($"/api/v1/lists/{list}"))["title"]!.GetValue<string>(), Is.EqualTo("Friends"));
    }

    [Test]
    public async Task Lists_need_the_lists_scopes()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read:statuses write:statuses");
        var token = await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "read:statuses write:statuses");
        var client = alice.Client.WithToken(token);

        Assert.That((await client.GetAsync("/api/v1/lists")).Status, Is.EqualTo(403));
        Assert.That((await client.PostFormAsync("/api/v1/lists", [new("title", "x")])).Status, Is.EqualTo(403));
        Assert.That((await Cluster.Api.GetAsync("/api/v1/lists")).Status, Is.EqualTo(401));
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/lists")).AsArray(), Is.Empty);
    }
}
