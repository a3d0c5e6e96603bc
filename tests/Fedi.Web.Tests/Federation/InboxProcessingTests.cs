using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// What a remote actor's activities do here, end to end through the inbox and the worker: a Follow shows up among
/// the followers and is accepted, a followed actor's Note reaches the home timeline cleaned, and its Delete removes it.
/// The instance is allowed to reach loopback over http, where the remote actor is served.
/// </summary>
[NonParallelizable]
public sealed class InboxProcessingTests : FederatingCluster
{
    private const string Public = "https://www.w3.org/ns/activitystreams#Public";
    private JsonObject Follow(RemoteActorServer remote, TestUser target) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = remote.NewId("follows"),
        ["type"] = "Follow",
        ["actor"] = remote.ActorUri,
        ["object"] = $"{Cluster.Base()}/users/{target.Username}",
    };

    private static async Task<JsonArray> FollowersAsync(TestUser user) =>
        (await user.Client.GetAsync($"/api/v1/accounts/{user.AccountId}/followers")).EnsureSuccess().RequireJson().AsArray();

    private static async Task<JsonArray> HomeAsync(TestUser user) =>
        (await user.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray();

    /// <summary>The remote actor follows <paramref name="target"/>; its account id here, once it is a follower.</summary>
    private async Task<string> FollowedByAsync(RemoteActorServer remote, TestUser target)
    {
        Assert.That((await remote.PostAsync(Cluster.Api, $"/users/{target.Username}/inbox", Follow(remote, target))).Status, Is.EqualTo(202));
        var follower = await Eventually.ValueAsync(async () => (await FollowersAsync(target)).FirstOrDefault(a => (string?)a!["acct"] == remote.Acct),
            "the remote follower is listed");
        return (string)follower!["id"]!;
    }

    [Test]
    public async Task A_signed_Follow_makes_a_follower_and_is_answered_with_a_signed_Accept()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();

        await FollowedByAsync(remote, alice);

        var accept = await Eventually.ValueAsync(() => Task.FromResult(remote.Received.FirstOrDefault(a => (string?)a["type"] == "Accept")),
            "an Accept reached the follower's inbox");
        Assert.That((string?)accept["actor"], Is.EqualTo($"{Cluster.Base()}/users/{alice.Username}"));
        Assert.That((string?)accept["object"]!["type"], Is.EqualTo("Follow"));
        Assert.That((string?)accept["object"]!["actor"], Is.EqualTo(remote.ActorUri));
    }

    [Test]
    public async Task Undo_of_the_Follow_removes_the_follower()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        await FollowedByAsync(remote, alice);

        var undo = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = remote.NewId("undo"), ["type"] = "Undo",
            ["actor"] = remote.ActorUri, ["object"] = Follow(remote, alice),
        };
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", undo)).Status, Is.EqualTo(202));
        await Eventually.TrueAsync(async () => (await FollowersAsync(alice)).Count == 0, "the follower is gone");
    }

    [Test]
    public async Task A_followed_actors_Note_reaches_the_home_timeline_without_script_and_its_Delete_removes_it()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var remoteId = await FollowedByAsync(remote, alice);
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/follow", [])).EnsureSuccess();

        var noteId = remote.NewId("statuses");
        var create = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = $"{noteId}/activity", ["type"] = "Create",
            ["actor"] = remote.ActorUri, ["to"] = new JsonArray(Public),
            ["object"] = new JsonObject
            {
                ["id"] = noteId, ["type"] = "Note", ["attributedTo"] = remote.ActorUri, ["to"] = new JsonArray(Public),
                ["published"] = DateTimeOffset.UtcNow.ToString("o"),
                ["content"] = "<p class=\"h-card\">hello from afar<script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">l</a></p>",
            },
        };
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", create)).Status, Is.EqualTo(202));

        var status = await Eventually.ValueAsync(async () => (await HomeAsync(alice)).FirstOrDefault(s => (string?)s!["uri"] == noteId),
            "the remote Note is in the home timeline");
        var content = (string)status!["content"]!;
        Assert.That(content, Does.Contain("hello from afar"));
        Assert.That(content, Does.Not.Contain("<script").And.Not.Contain("alert").And.Not.Contain("javascript:").And.Not.Contain("onclick"));
        Assert.That((string?)status["account"]!["acct"], Is.EqualTo(remote.Acct));

        var delete = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = $"{noteId}#delete", ["type"] = "Delete",
            ["actor"] = remote.ActorUri, ["object"] = new JsonObject { ["id"] = noteId, ["type"] = "Tombstone" },
        };
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", delete)).Status, Is.EqualTo(202));
        await Eventually.TrueAsync(async () => (await HomeAsync(alice)).All(s => (string?)s!["uri"] != noteId), "the deleted Note left the home timeline");
        (await alice.Client.GetAsync($"/api/v1/statuses/{status["id"]}")).AssertError(404, "Record not found");
    }

    [Test]
    public async Task An_activity_of_an_unknown_type_is_accepted_and_changes_nothing()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var odd = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = remote.NewId("odd"), ["type"] = "Wobble",
            ["actor"] = remote.ActorUri, ["object"] = $"{Cluster.Base()}/users/{alice.Username}",
        };
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", odd)).Status, Is.EqualTo(202));
        // A Follow sent after it is processed, so the odd one did not stop the queue.
        await FollowedByAsync(remote, alice);
        Assert.That(await FollowersAsync(alice), Has.Count.EqualTo(1));
    }
}
