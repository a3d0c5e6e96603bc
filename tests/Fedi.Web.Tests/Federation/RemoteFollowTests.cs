using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// Follow state with a remote account, both ways: a local follow is a request until the peer's Accept or Reject,
/// unfollowing and blocking are sent as Undo{Follow} and Block, a locked account's answer to a remote request reaches
/// the requester, and a profile change reaches the followers as an Update of the actor.
/// </summary>
[NonParallelizable]
public sealed class RemoteFollowTests : FederatingFixture
{
    /// <summary>A local account the peer follows, so the peer's actor is known here; its account id.</summary>
    private async Task<string> KnownRemoteAsync(RemoteActorServer remote) => await Cluster.FollowedByAsync(remote, await Cluster.Users.SignUpAsync());

    private static Task<JsonNode> RelationshipAsync(TestUser user, string id) => FederatingCluster.RelationshipAsync(user, id);

    private string Actor(TestUser user) => $"{Cluster.Base()}/users/{user.Username}";

    [Test]
    public async Task A_local_follow_is_requested_until_the_peer_accepts()
    {
        await using var remote = new RemoteActorServer();
        var remoteId = await KnownRemoteAsync(remote);
        var alice = await Cluster.Users.SignUpAsync();

        var answer = (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/follow", [])).EnsureSuccess().RequireJson();
        Assert.That((bool)answer["requested"]!, Is.True);
        Assert.That((bool)answer["following"]!, Is.False);

        var follow = await remote.VerifiedArrivalAsync("Follow", d => (string?)d.Body["actor"] == Actor(alice));
        Assert.That(follow.Path, Is.EqualTo($"/users/{remote.Username}/inbox"));
        Assert.That((string?)follow.Body["object"], Is.EqualTo(remote.ActorUri));
        await Cluster.AnswerAsync(remote, follow.Body, "Accept");

        await Eventually.TrueAsync(async () => (bool)(await RelationshipAsync(alice, remoteId))["following"]!, "alice follows the remote account");
        Assert.That((bool)(await RelationshipAsync(alice, remoteId))["requested"]!, Is.False);

        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/unfollow", [])).EnsureSuccess();
        var undo = await remote.VerifiedArrivalAsync("Undo", d => (string?)d.Body["actor"] == Actor(alice));
        Assert.That((string?)undo.Body["object"]!["type"], Is.EqualTo("Follow"));
        Assert.That((string?)undo.Body["object"]!["object"], Is.EqualTo(remote.ActorUri));
    }

    [Test]
    public async Task A_rejected_follow_is_neither_following_nor_requested()
    {
        await using var remote = new RemoteActorServer();
        var remoteId = await KnownRemoteAsync(remote);
        var alice = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/follow", [])).EnsureSuccess();

        var follow = await remote.VerifiedArrivalAsync("Follow", d => (string?)d.Body["actor"] == Actor(alice));
        await Cluster.AnswerAsync(remote, follow.Body, "Reject");

        await Eventually.TrueAsync(async () => !(bool)(await RelationshipAsync(alice, remoteId))["requested"]!, "the request is gone");
        Assert.That((bool)(await RelationshipAsync(alice, remoteId))["following"]!, Is.False);
    }

    [Test]
    public async Task A_locked_accounts_answers_reach_the_remote_requester()
    {
        await using var remote = new RemoteActorServer();
        await using var other = new RemoteActorServer("other");
        var alice = await Cluster.Users.SignUpAsync();
        (await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { locked = true })).EnsureSuccess();
        foreach (var peer in new[] { remote, other })
            Assert.That((await peer.PostAsync(Cluster.Api, $"/users/{alice.Username}/inbox", Cluster.Follow(peer, alice))).Status, Is.EqualTo(202));
        var requests = await Eventually.ValueAsync(async () =>
        {
            var list = (await alice.Client.GetAsync("/api/v1/follow_requests")).EnsureSuccess().RequireJson().AsArray();
            return list.Count == 2 ? list : null;
        }, "both follow requests are pending");
        string IdOf(RemoteActorServer peer) => (string)requests.First(a => (string?)a!["acct"] == peer.Acct)!["id"]!;

        (await alice.Client.PostFormAsync($"/api/v1/follow_requests/{IdOf(remote)}/authorize", [])).EnsureSuccess();
        (await alice.Client.PostFormAsync($"/api/v1/follow_requests/{IdOf(other)}/reject", [])).EnsureSuccess();

        var accept = await remote.VerifiedArrivalAsync("Accept");
        Assert.That((string?)accept.Body["object"]!["actor"], Is.EqualTo(remote.ActorUri));
        Assert.That((string?)accept.Body["object"]!["id"], Is.Not.Null, "the Accept names the Follow it answers");
        var reject = await other.VerifiedArrivalAsync("Reject");
        Assert.That((string?)reject.Body["object"]!["actor"], Is.EqualTo(other.ActorUri));
    }

    [Test]
    public async Task Blocking_and_unblocking_a_remote_account_sends_Block_and_Undo_Block()
    {
        await using var remote = new RemoteActorServer();
        var remoteId = await KnownRemoteAsync(remote);
        var alice = await Cluster.Users.SignUpAsync();

        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/block", [])).EnsureSuccess();
        var block = await remote.VerifiedArrivalAsync("Block", d => (string?)d.Body["actor"] == Actor(alice));
        Assert.That((string?)block.Body["object"], Is.EqualTo(remote.ActorUri));

        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/unblock", [])).EnsureSuccess();
        var undo = await remote.VerifiedArrivalAsync("Undo", d => (string?)d.Body["actor"] == Actor(alice));
        Assert.That((string?)undo.Body["object"]!["type"], Is.EqualTo("Block"));
    }

    [Test]
    public async Task A_profile_change_reaches_remote_followers_as_an_Update_of_the_actor()
    {
        await using var remote = new RemoteActorServer("reader", sharedInbox: true);
        var alice = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(remote, alice);

        (await alice.Client.PatchAsync("/api/v1/accounts/update_credentials", new { display_name = "Alice Anew" })).EnsureSuccess();

        var update = await remote.VerifiedArrivalAsync("Update");
        Assert.That(update.Path, Is.EqualTo("/inbox"));
        Assert.That((string?)update.Body["object"]!["type"], Is.EqualTo("Person"));
        Assert.That((string?)update.Body["object"]!["name"], Is.EqualTo("Alice Anew"));
        Assert.That((string?)update.Body["object"]!["id"], Is.EqualTo(Actor(alice)));
    }
}
