using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>What a remote actor says about itself: a profile Update is stored, a Move recorded only when the target agrees.</summary>
[NonParallelizable]
public sealed class InboundProfileTests : FederatingFixture
{
    private async Task SendAsync(RemoteActorServer remote, JsonObject activity) =>
        Assert.That((await remote.PostAsync(Cluster.Api, "/inbox", activity)).Status, Is.EqualTo(202));

    private async Task<JsonNode> LookupAsync(RemoteActorServer remote) =>
        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={remote.Acct}")).EnsureSuccess().RequireJson();

    private Task<long> MovedToAsync(RemoteActorServer from, RemoteActorServer to) => Rows.CountAsync(Cluster, """
        SELECT count(*) FROM accounts a JOIN accounts t ON t.id = a.moved_to_account_id WHERE a.uri = @from AND t.uri = @to
        """, new { from = from.ActorUri, to = to.ActorUri });

    [Test]
    public async Task An_Update_of_the_actor_stores_its_new_profile()
    {
        await using var remote = new RemoteActorServer();
        await LookupAsync(remote);
        remote.DisplayName = "Renamed Person";

        await SendAsync(remote, remote.Activity("Update", remote.Document()));

        await Eventually.TrueAsync(async () => (string?)(await LookupAsync(remote))["display_name"] == "Renamed Person", "the new name is shown");
    }

    [Test]
    public async Task An_Update_of_another_actor_is_ignored()
    {
        await using var remote = new RemoteActorServer();
        await using var other = new RemoteActorServer("other");
        await LookupAsync(other);
        other.DisplayName = "Hijacked";

        await SendAsync(remote, remote.Activity("Update", other.Document()));
        remote.DisplayName = "Marker";
        await SendAsync(remote, remote.Activity("Update", remote.Document()));

        await Eventually.TrueAsync(async () => (string?)(await LookupAsync(remote))["display_name"] == "Marker", "the later Update was processed");
        Assert.That((string?)(await LookupAsync(other))["display_name"], Is.EqualTo("Remote Person"));
    }

    [Test]
    public async Task A_Move_is_recorded_only_when_the_target_names_the_actor_as_an_alias()
    {
        await using var remote = new RemoteActorServer();
        await using var unwilling = new RemoteActorServer("unwilling");
        await using var target = new RemoteActorServer("target");
        target.AlsoKnownAs.Add(remote.ActorUri);
        await LookupAsync(remote);

        JsonObject Move(RemoteActorServer to)
        {
            var move = remote.Activity("Move", remote.ActorUri);
            move["target"] = to.ActorUri;
            return move;
        }
        await SendAsync(remote, Move(target));
        await Eventually.TrueAsync(async () => await MovedToAsync(remote, target) == 1, "moved_to names the target");

        await SendAsync(remote, Move(unwilling));
        await Eventually.TrueAsync(() => Task.FromResult(unwilling.DocumentFetchCount > 0), "the claimed target was asked");
        remote.DisplayName = "Marker";
        await SendAsync(remote, remote.Activity("Update", remote.Document()));
        await Eventually.TrueAsync(async () => (string?)(await LookupAsync(remote))["display_name"] == "Marker", "a later activity was processed");
        Assert.That(await MovedToAsync(remote, unwilling), Is.Zero);
        Assert.That(await MovedToAsync(remote, target), Is.EqualTo(1));
    }
}
