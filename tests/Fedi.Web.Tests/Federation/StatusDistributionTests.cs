using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// A local account's posts, edits and deletions reach its remote followers as signed Create, Update and Delete
/// activities, one per shared inbox, addressed by visibility; peers that follow nobody concerned get nothing.
/// </summary>
[NonParallelizable]
public sealed class StatusDistributionTests : FederatingFixture
{
    private static async Task<string> PostAsync(TestUser user, string text, string visibility = "public") =>
        (await user.Client.PostJsonAsync("/api/v1/statuses", new { status = text, visibility })).EnsureSuccess().RequireJson().Text("id");

    private static Task<ReceivedDelivery> ArrivalAsync(RemoteActorServer remote, string type, string statusUri) =>
        Eventually.ValueAsync(() => Task.FromResult(remote.Deliveries.FirstOrDefault(d => (string?)d.Body["type"] == type && ObjectId(d) == statusUri)),
            $"a {type} of {statusUri} reached the peer");

    private static string? ObjectId(ReceivedDelivery delivery) =>
        delivery.Body["object"] is JsonObject o ? (string?)o["id"] : (string?)delivery.Body["object"];

    private string StatusUri(TestUser user, string id) => $"{Cluster.Base()}/users/{user.Username}/statuses/{id}";

    [Test]
    public async Task A_post_reaches_two_followers_behind_one_shared_inbox_as_one_signed_Create()
    {
        await using var peer = new RemoteActorServer("ann", ["bob"], sharedInbox: true);
        var alice = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(peer, alice, "ann");
        await Cluster.FollowedByAsync(peer, alice, "bob");

        var id = await PostAsync(alice, "hello, fediverse");

        var create = await ArrivalAsync(peer, "Create", StatusUri(alice, id));
        Assert.That(create.Path, Is.EqualTo("/inbox"));
        Assert.That(create.Verified, Is.True, "the Create's signature verifies with the key in the local actor document");
        Assert.That(create.KeyId, Is.EqualTo($"{Cluster.Base()}/users/{alice.Username}#main-key"));
        Assert.That((string?)create.Body["object"]!["content"], Does.Contain("hello, fediverse"));
        Assert.That(create.Body["to"]!.AsArray().Select(n => (string?)n), Does.Contain("https://www.w3.org/ns/activitystreams#Public"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(peer.Deliveries.Count(d => (string?)d.Body["type"] == "Create"), Is.EqualTo(1), "one delivery per shared inbox");
    }

    [Test]
    public async Task A_followers_only_post_reaches_followers_and_no_one_else()
    {
        await using var follower = new RemoteActorServer("fan");
        await using var stranger = new RemoteActorServer("stranger");
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(follower, alice);
        await Cluster.FollowedByAsync(stranger, bob);

        var id = await PostAsync(alice, "for my followers", "private");
        var direct = await PostAsync(alice, "a note to nobody", "direct");

        var create = await ArrivalAsync(follower, "Create", StatusUri(alice, id));
        Assert.That(create.Path, Is.EqualTo("/users/fan/inbox"));
        Assert.That(create.Body["to"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { $"{Cluster.Base()}/users/{alice.Username}/followers" }));
        // bob's later post proves the worker got past alice's before the stranger is checked.
        var later = await PostAsync(bob, "after alice");
        await ArrivalAsync(stranger, "Create", StatusUri(bob, later));
        Assert.That(stranger.Deliveries.Where(d => (string?)d.Body["type"] == "Create").Select(ObjectId), Is.EqualTo(new[] { StatusUri(bob, later) }));
        Assert.That(follower.Deliveries.Select(ObjectId), Does.Not.Contain(StatusUri(alice, direct)));
    }

    [Test]
    public async Task An_edit_is_sent_as_an_Update_and_a_deletion_as_a_Delete_of_a_Tombstone()
    {
        await using var peer = new RemoteActorServer("reader");
        var alice = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(peer, alice);
        var id = await PostAsync(alice, "first draft");
        var uri = StatusUri(alice, id);
        await ArrivalAsync(peer, "Create", uri);

        (await alice.Client.PutAsync($"/api/v1/statuses/{id}", new { status = "second draft" })).EnsureSuccess();
        var update = await ArrivalAsync(peer, "Update", uri);
        Assert.That(update.Verified, Is.True);
        Assert.That((string?)update.Body["object"]!["content"], Does.Contain("second draft"));
        Assert.That((string?)update.Body["object"]!["updated"], Is.Not.Null);

        (await alice.Client.DeleteAsync($"/api/v1/statuses/{id}")).EnsureSuccess();
        var delete = await ArrivalAsync(peer, "Delete", uri);
        Assert.That(delete.Verified, Is.True);
        Assert.That((string?)delete.Body["object"]!["type"], Is.EqualTo("Tombstone"));
        Assert.That((string?)delete.Body["actor"], Is.EqualTo($"{Cluster.Base()}/users/{alice.Username}"));
    }
}
