using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Discovery;

/// <summary>Announcements published on the command line, as every user's app reads, dismisses and reacts to them.</summary>
public sealed class AnnouncementsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<JsonNode?> FindAsync(TestUser user, string id, bool withDismissed = false) =>
        Json(await user.Client.GetAsync($"/api/v1/announcements?with_dismissed={withDismissed.ToString().ToLowerInvariant()}")).AsArray()
            .FirstOrDefault(a => a!["id"]!.GetValue<string>() == id);

    private static async Task<string> PublishAsync(string text)
    {
        var added = (await Cluster.RunCliAsync(["announcements", "add", text])).EnsureSuccess();
        return added.Text.Split(' ', '.')[2];
    }

    [Test]
    public async Task An_announcement_reaches_every_user_until_each_dismisses_it()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var id = await PublishAsync("Maintenance tonight, see https://example.com/status #maintenance");

        var shown = await FindAsync(alice, id);
        Assert.That(shown, Is.Not.Null);
        Assert.That(shown!["content"]!.GetValue<string>(), Does.Contain("<a href=\"https://example.com/status\""));
        Assert.That(shown["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "maintenance" }));
        Assert.That(shown["read"]!.GetValue<bool>(), Is.False);

        (await alice.Client.PostFormAsync($"/api/v1/announcements/{id}/dismiss", [])).EnsureSuccess();

        Assert.That(await FindAsync(alice, id), Is.Null, "dismissed announcements are left out");
        Assert.That((await FindAsync(alice, id, withDismissed: true))!["read"]!.GetValue<bool>(), Is.True);
        Assert.That(await FindAsync(bob, id), Is.Not.Null, "bob has not dismissed it");
        (await alice.Client.PostFormAsync("/api/v1/announcements/99999999/dismiss", [])).AssertError(404, "Record not found");

        (await Cluster.RunCliAsync(["announcements", "remove", id])).EnsureSuccess();
        Assert.That(await FindAsync(bob, id), Is.Null);
    }

    [Test]
    public async Task Reactions_are_counted_per_emoji_with_the_readers_own_marked()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var id = await PublishAsync("New rules are up");
        var party = Uri.EscapeDataString("🎉");

        (await alice.Client.PutAsync($"/api/v1/announcements/{id}/reactions/{party}")).EnsureSuccess();
        (await bob.Client.PutAsync($"/api/v1/announcements/{id}/reactions/{party}")).EnsureSuccess();
        (await bob.Client.PutAsync($"/api/v1/announcements/{id}/reactions/{party}")).EnsureSuccess(); // once per user
        (await bob.Client.PutAsync($"/api/v1/announcements/{id}/reactions/{Uri.EscapeDataString("👍🏽")}")).EnsureSuccess();
        (await bob.Client.PutAsync($"/api/v1/announcements/{id}/reactions/hello")).AssertError(422, "Validation failed: Name is not a recognized emoji");
        (await bob.Client.DeleteAsync($"/api/v1/announcements/{id}/reactions/{Uri.EscapeDataString("👍🏽")}")).EnsureSuccess();

        var reactions = (await FindAsync(alice, id))!["reactions"]!.AsArray();
        Assert.That(reactions.Select(r => (r!["name"]!.GetValue<string>(), r["count"]!.GetValue<int>(), r["me"]!.GetValue<bool>())),
            Is.EqualTo(new[] { ("🎉", 2, true) }));
        (await Cluster.RunCliAsync(["announcements", "remove", id])).EnsureSuccess();
    }
}
