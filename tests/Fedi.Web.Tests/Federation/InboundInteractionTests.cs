using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// What a remote actor's interactions do to local accounts and statuses, as their Mastodon clients see it: likes and
/// boosts counted and notified (and taken back by Undo), a Block cutting follows, edits with history by the author only,
/// an actor's deletion removing its posts, repeats processed once, and a Delete that overtakes its Create.
/// </summary>
[NonParallelizable]
public sealed class InboundInteractionTests : FederatingFixture
{
    private string ActorOf(TestUser user) => $"{Cluster.Base()}/users/{user.Username}";

    private async Task SendAsync(RemoteActorServer remote, JsonObject activity) =>
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", activity)).Status, Is.EqualTo(202));

    private static async Task<JsonNode> StatusAsync(TestUser viewer, string id) =>
        (await viewer.Client.GetAsync($"/api/v1/statuses/{id}")).EnsureSuccess().RequireJson();

    private static Task CountReachesAsync(TestUser viewer, JsonNode status, string counter, int expected) =>
        Eventually.TrueAsync(async () => (int?)(await StatusAsync(viewer, (string)status["id"]!))[counter] == expected, $"{counter} is {expected}");

    private static async Task<(JsonNode Status, string Uri)> PostAsync(TestUser author, string text = "hello")
    {
        var status = (await author.Client.PostFormAsync("/api/v1/statuses", [new("status", text)])).EnsureSuccess().RequireJson();
        return (status, (string)status["uri"]!);
    }

    private static async Task<JsonArray> NotificationsAsync(TestUser user, string type) =>
        (await user.Client.GetAsync($"/api/v1/notifications?types[]={type}")).EnsureSuccess().RequireJson().AsArray();

    private static async Task<JsonArray> HomeAsync(TestUser user) =>
        (await user.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray();

    /// <summary>The remote actor and <paramref name="alice"/> follow each other; the remote account's id here.</summary>
    private async Task<string> MutualAsync(RemoteActorServer remote, TestUser alice)
    {
        await SendAsync(remote, remote.Activity("Follow", ActorOf(alice)));
        var remoteId = await Eventually.ValueAsync(async () =>
            (await alice.Client.GetAsync($"/api/v1/accounts/{alice.AccountId}/followers")).EnsureSuccess().RequireJson().AsArray()
                .Select(a => (string?)a!["id"]).FirstOrDefault(), "the remote follower is listed");
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{remoteId}/follow", [])).EnsureSuccess();
        // A follow of a remote account is a request until the peer accepts it.
        await Cluster.AnswerAsync(remote, (await remote.VerifiedArrivalAsync("Follow")).Body, "Accept");
        await Eventually.TrueAsync(async () => (bool)(await FederatingCluster.RelationshipAsync(alice, remoteId!))["following"]!, "the follow is accepted");
        return remoteId!;
    }

    /// <summary>A public Note by the remote actor delivered to followed-by-alice; the status as alice's home shows it.</summary>
    private async Task<JsonNode> DeliveredNoteAsync(RemoteActorServer remote, TestUser alice, string content)
    {
        var note = remote.ServeNote(content);
        await SendAsync(remote, remote.Activity("Create", note));
        return (await Eventually.ValueAsync(async () => (await HomeAsync(alice)).FirstOrDefault(s => (string?)s!["uri"] == (string)note["id"]!),
            "the Note is in the home timeline"))!;
    }

    [Test]
    public async Task A_Like_counts_as_a_favourite_and_notifies_the_author_and_its_Undo_takes_it_back()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var (status, uri) = await PostAsync(alice);
        var like = remote.Activity("Like", uri);

        await SendAsync(remote, like);

        await CountReachesAsync(alice, status, "favourites_count", 1);
        var notification = await Eventually.ValueAsync(async () => (await NotificationsAsync(alice, "favourite")).FirstOrDefault(), "a favourite notification");
        Assert.That((string?)notification!["account"]!["acct"], Is.EqualTo(remote.Acct));
        Assert.That((string?)notification["status"]!["id"], Is.EqualTo((string?)status["id"]));

        await SendAsync(remote, remote.Activity("Undo", like));
        await CountReachesAsync(alice, status, "favourites_count", 0);
    }

    [Test]
    public async Task An_Announce_of_a_local_status_counts_as_a_reblog_and_notifies_the_author_and_its_Undo_takes_it_back()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var (status, uri) = await PostAsync(alice);
        var announce = remote.Activity("Announce", uri);

        await SendAsync(remote, announce);

        await CountReachesAsync(alice, status, "reblogs_count", 1);
        var notification = await Eventually.ValueAsync(async () => (await NotificationsAsync(alice, "reblog")).FirstOrDefault(), "a reblog notification");
        Assert.That((string?)notification!["account"]!["acct"], Is.EqualTo(remote.Acct));
        var rebloggedBy = (await alice.Client.GetAsync($"/api/v1/statuses/{status["id"]}/reblogged_by")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(rebloggedBy.Select(a => (string?)a!["acct"]), Is.EqualTo(new[] { remote.Acct }));

        await SendAsync(remote, remote.Activity("Undo", announce));
        await CountReachesAsync(alice, status, "reblogs_count", 0);
    }

    [Test]
    public async Task A_repeated_activity_id_is_processed_once()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var (status, uri) = await PostAsync(alice);
        var like = remote.Activity("Like", uri);
        await SendAsync(remote, like);
        await CountReachesAsync(alice, status, "favourites_count", 1);
        await SendAsync(remote, remote.Activity("Undo", like));
        await CountReachesAsync(alice, status, "favourites_count", 0);

        await SendAsync(remote, like); // the same Like again, e.g. a peer's retry
        var (_, marker) = await PostAsync(alice, "marker");
        var markerLike = remote.Activity("Like", marker);
        await SendAsync(remote, markerLike);
        await Eventually.TrueAsync(async () => (await NotificationsAsync(alice, "favourite")).Any(n => (string?)n!["status"]!["uri"] == marker),
            "the Like sent after the repeat was processed");

        Assert.That((int?)(await StatusAsync(alice, (string)status["id"]!))["favourites_count"], Is.Zero);
    }

    [Test]
    public async Task An_Update_of_a_Note_by_its_author_edits_it_with_history_and_one_by_anyone_else_is_ignored()
    {
        await using var remote = new RemoteActorServer();
        await using var other = new RemoteActorServer("other");
        var alice = await Cluster.Users.SignUpAsync();
        await MutualAsync(remote, alice);
        var status = await DeliveredNoteAsync(remote, alice, "<p>first version</p>");
        var note = remote.Objects[(string)status["uri"]!];

        var forged = (JsonObject)note.DeepClone();
        forged["content"] = "<p>forged version</p>";
        forged["attributedTo"] = other.ActorUri;
        await SendAsync(other, other.Activity("Update", forged));
        var edited = (JsonObject)note.DeepClone();
        edited["content"] = "<p>second version</p>";
        edited["updated"] = DateTimeOffset.UtcNow.ToString("o");
        await SendAsync(remote, remote.Activity("Update", edited));

        var shown = await Eventually.ValueAsync(async () =>
        {
            var s = await StatusAsync(alice, (string)status["id"]!);
            return ((string?)s["content"])!.Contains("second version") ? s : null;
        }, "the edit is shown");
        Assert.That((string?)shown!["edited_at"], Is.Not.Null);
        var history = (await alice.Client.GetAsync($"/api/v1/statuses/{status["id"]}/history")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(history.Select(h => (string?)h!["content"]), Is.EqualTo(new[] { "<p>first version</p>", "<p>second version</p>" }));
    }

    [Test]
    public async Task A_Block_removes_the_follows_both_ways()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var remoteId = await MutualAsync(remote, alice);

        await SendAsync(remote, remote.Activity("Block", ActorOf(alice)));

        await Eventually.TrueAsync(async () =>
        {
            var relationship = (await alice.Client.GetAsync($"/api/v1/accounts/relationships?id[]={remoteId}")).EnsureSuccess().RequireJson()[0]!;
            return (bool?)relationship["following"] == false && (bool?)relationship["followed_by"] == false && (bool?)relationship["blocked_by"] == true;
        }, "no follows either way, and blocked_by");
    }

    [Test]
    public async Task Deleting_the_actor_removes_its_account_and_statuses()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var remoteId = await MutualAsync(remote, alice);
        var status = await DeliveredNoteAsync(remote, alice, "<p>soon gone</p>");

        await SendAsync(remote, remote.Activity("Delete", remote.ActorUri));

        await Eventually.TrueAsync(async () => (await HomeAsync(alice)).All(s => (string?)s!["id"] != (string?)status["id"]), "gone from home");
        (await alice.Client.GetAsync($"/api/v1/statuses/{status["id"]}")).AssertError(404, "Record not found");
        (await alice.Client.GetAsync($"/api/v1/accounts/{remoteId}")).AssertError(404, "Record not found");
        var me = (await alice.Client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That((int?)me["followers_count"], Is.Zero);
        Assert.That((int?)me["following_count"], Is.Zero);
    }

    [Test]
    public async Task A_Delete_that_arrives_before_its_Create_wins()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var remoteId = await MutualAsync(remote, alice);
        var note = remote.ServeNote("<p>deleted before it arrived</p>");

        await SendAsync(remote, remote.Activity("Delete", new JsonObject { ["id"] = (string)note["id"]!, ["type"] = "Tombstone" }));
        // The worker runs inbox jobs side by side: the Create is sent once the Delete is processed, so it is the later one.
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        await Eventually.TrueAsync(() => redis.GetDatabase().KeyExistsAsync($"{Cluster.RedisNamespace}:delete_upon_arrival:{remoteId}:{note["id"]}"),
            "the Delete is remembered");
        await SendAsync(remote, remote.Activity("Create", note));
        await DeliveredNoteAsync(remote, alice, "<p>a later post</p>");

        Assert.That((await HomeAsync(alice)).Select(s => (string?)s!["uri"]), Does.Not.Contain((string)note["id"]!));
    }
}
