using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>A local reblog reaches the booster's remote followers as a signed Announce, and taking it back as an Undo of it.</summary>
[NonParallelizable]
public sealed class ReblogDistributionTests : FederatingFixture
{
    private static Task<ReceivedDelivery> ArrivalAsync(RemoteActorServer remote, string type, Func<JsonNode?, bool> about) =>
        Eventually.ValueAsync(() => Task.FromResult(remote.Deliveries.FirstOrDefault(d => (string?)d.Body["type"] == type && about(d.Body["object"]))),
            $"an {type} reached the peer");

    [Test]
    public async Task A_boost_is_announced_to_remote_followers_and_unboosting_sends_an_Undo()
    {
        await using var peer = new RemoteActorServer("watcher");
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(peer, alice);
        var id = (await bob.Client.PostJsonAsync("/api/v1/statuses", new { status = "worth sharing" })).EnsureSuccess().RequireJson().Text("id");
        var original = $"{Cluster.Base()}/users/{bob.Username}/statuses/{id}";

        (await alice.Client.PostJsonAsync($"/api/v1/statuses/{id}/reblog", new { })).EnsureSuccess();

        var announce = await ArrivalAsync(peer, "Announce", o => (string?)o == original);
        Assert.That(announce.Verified, Is.True, "signed with alice's key");
        Assert.That((string?)announce.Body["actor"], Is.EqualTo($"{Cluster.Base()}/users/{alice.Username}"));
        Assert.That(announce.Body["to"]!.AsArray().Select(n => (string?)n), Does.Contain("https://www.w3.org/ns/activitystreams#Public"));
        Assert.That(announce.Body["cc"]!.AsArray().Select(n => (string?)n), Does.Contain($"{Cluster.Base()}/users/{bob.Username}"));

        (await alice.Client.PostJsonAsync($"/api/v1/statuses/{id}/unreblog", new { })).EnsureSuccess();

        var undo = await ArrivalAsync(peer, "Undo", o => (string?)o?["type"] == "Announce" && (string?)o["id"] == (string?)announce.Body["id"]);
        Assert.That(undo.Verified, Is.True);
        Assert.That((string?)undo.Body["object"]!["object"], Is.EqualTo(original));
    }
}
