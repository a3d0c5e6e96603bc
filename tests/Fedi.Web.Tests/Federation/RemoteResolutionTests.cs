using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// Finding what lives on another server, as a Mastodon client asks for it: a handle by WebFinger through
/// accounts/lookup and search with resolve=true, and a Note by its URL. The remote server is a loopback peer.
/// </summary>
[NonParallelizable]
public sealed class RemoteResolutionTests : FederatingFixture
{
    private static async Task<JsonObject> SearchAsync(TestUser user, string q, bool resolve = true) =>
        (await user.Client.GetAsync($"/api/v2/search?q={Uri.EscapeDataString(q)}&resolve={(resolve ? "true" : "false")}"))
            .EnsureSuccess().RequireJson().AsObject();

    [Test]
    public async Task Lookup_of_an_unknown_remote_handle_finds_the_account_by_WebFinger()
    {
        await using var remote = new RemoteActorServer();

        var account = (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={remote.Acct}")).EnsureSuccess().RequireJson();

        Assert.That((string?)account["acct"], Is.EqualTo(remote.Acct));
        Assert.That((string?)account["display_name"], Is.EqualTo("Remote Person"));
        Assert.That((string?)account["url"], Is.EqualTo(remote.ProfileUrl));
        Assert.That(remote.WebFingerCount, Is.EqualTo(1));
        var again = (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct=@{remote.Acct}")).EnsureSuccess().RequireJson();
        Assert.That((string?)again["id"], Is.EqualTo((string?)account["id"]));
        Assert.That(remote.WebFingerCount, Is.EqualTo(1), "a fresh profile is answered from the database");
    }

    [Test]
    public async Task Lookup_of_a_profile_older_than_a_day_fetches_it_again()
    {
        await using var remote = new RemoteActorServer();
        await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={remote.Acct}");
        remote.DisplayName = "Renamed Person";
        await Rows.CountAsync(Cluster, """
            WITH aged AS (UPDATE accounts SET updated_at = now() - interval '25 hours', last_webfingered_at = now() - interval '25 hours'
                          WHERE uri = @uri RETURNING 1)
            SELECT count(*) FROM aged
            """, new { uri = remote.ActorUri });

        var account = (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={remote.Acct}")).EnsureSuccess().RequireJson();

        Assert.That((string?)account["display_name"], Is.EqualTo("Renamed Person"));
        Assert.That(remote.WebFingerCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Lookup_of_a_handle_its_host_does_not_know_is_404()
    {
        await using var remote = new RemoteActorServer();
        var host = new Uri(remote.Base).Authority;

        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct=nobody@{host}")).AssertError(404, "Record not found");
        (await Cluster.Api.GetAsync("/api/v1/accounts/lookup?acct=someone@10.0.0.1")).AssertError(404, "Record not found");
    }

    [Test]
    public async Task Search_with_resolve_finds_a_remote_handle_with_or_without_the_leading_at()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();

        var withAt = (await SearchAsync(alice, $"@{remote.Acct}"))["accounts"]!.AsArray();
        var withoutAt = (await SearchAsync(alice, remote.Acct))["accounts"]!.AsArray();

        Assert.That(withAt.Select(a => (string?)a!["acct"]), Is.EqualTo(new[] { remote.Acct }));
        Assert.That(withoutAt.Select(a => (string?)a!["acct"]), Is.EqualTo(new[] { remote.Acct }));
    }

    [Test]
    public async Task Search_without_resolve_or_without_a_user_stays_local()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();

        Assert.That((await SearchAsync(alice, remote.Acct, resolve: false))["accounts"]!.AsArray(), Is.Empty);
        (await Cluster.Api.GetAsync($"/api/v2/search?q={Uri.EscapeDataString(remote.Acct)}&resolve=true"))
            .AssertError(401, "Search queries that resolve remote resources are not supported without authentication");
        Assert.That(remote.WebFingerCount, Is.Zero);
    }

    [Test]
    public async Task Search_with_resolve_finds_an_actor_by_its_URL()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();

        var accounts = (await SearchAsync(alice, remote.ActorUri))["accounts"]!.AsArray();

        Assert.That(accounts.Select(a => (string?)a!["acct"]), Is.EqualTo(new[] { remote.Acct }));
    }

    [Test]
    public async Task Search_with_resolve_fetches_a_Note_by_its_URL_and_stores_it_once()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var note = remote.ServeNote("<p>found by its address</p>");
        var url = (string)note["id"]!;

        var statuses = (await SearchAsync(alice, url))["statuses"]!.AsArray();
        var again = (await SearchAsync(alice, url))["statuses"]!.AsArray();

        Assert.That(statuses, Has.Count.EqualTo(1));
        Assert.That((string?)statuses[0]!["uri"], Is.EqualTo(url));
        Assert.That((string?)statuses[0]!["content"], Does.Contain("found by its address"));
        Assert.That((string?)statuses[0]!["account"]!["acct"], Is.EqualTo(remote.Acct));
        Assert.That((string?)again[0]!["id"], Is.EqualTo((string?)statuses[0]!["id"]));
        (await alice.Client.GetAsync($"/api/v1/statuses/{statuses[0]!["id"]}")).EnsureSuccess();
    }

    [Test]
    public async Task A_Note_served_by_another_host_than_its_id_is_not_stored()
    {
        await using var remote = new RemoteActorServer();
        await using var liar = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();
        var note = remote.ServeNote("<p>forged</p>");
        var forgedUrl = $"{liar.Base}/forged";
        liar.Objects[forgedUrl] = note;

        Assert.That((await SearchAsync(alice, forgedUrl))["statuses"]!.AsArray(), Is.Empty);
    }
    [Test]
    public async Task A_remote_mention_in_a_new_post_is_resolved_and_rendered_as_an_h_card_link_to_the_profile()
    {
        await using var remote = new RemoteActorServer();
        var alice = await Cluster.Users.SignUpAsync();

        var status = (await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", $"hello @{remote.Acct} and @nobody@{new Uri(remote.Base).Authority}")]))
            .EnsureSuccess().RequireJson();

        Assert.That((string?)status["content"], Does.Contain(
            $"<span class=\"h-card\" translate=\"no\"><a href=\"{remote.ProfileUrl}\" class=\"u-url mention\">@<span>{remote.Username}</span></a></span>"));
        Assert.That((string?)status["content"], Does.Contain("@nobody@"), "an account its host does not know stays text");
        var mentions = status["mentions"]!.AsArray();
        Assert.That(mentions.Select(m => (string?)m!["acct"]), Is.EqualTo(new[] { remote.Acct }));
        Assert.That((string?)mentions[0]!["url"], Is.EqualTo(remote.ProfileUrl));
        var shown = (await alice.Client.GetAsync($"/api/v1/statuses/{status["id"]}")).EnsureSuccess().RequireJson();
        Assert.That(shown["mentions"]!.AsArray().Select(m => (string?)m!["acct"]), Is.EqualTo(new[] { remote.Acct }));
    }
}
