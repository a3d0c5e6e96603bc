using System.Text.RegularExpressions;
using Fedi.Testing;

namespace Fedi.Web.Tests.Follows;

/// <summary>GET /api/v1/accounts/:id/followers and /following, paginated by follow.</summary>
public sealed class FollowListTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static string? LinkTo(ApiResponse response, string rel) =>
        Regex.Match(response.Header("Link") ?? "", $"<([^>]+)>; rel=\"{rel}\"") is { Success: true } m ? m.Groups[1].Value : null;

    [Test]
    public async Task Followers_come_newest_first_in_pages_linked_by_follow_ids()
    {
        var star = await Cluster.Users.SignUpAsync();
        var fans = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            var fan = await Cluster.Users.SignUpAsync();
            (await fan.Client.PostFormAsync($"/api/v1/accounts/{star.AccountId}/follow", [])).EnsureSuccess();
            fans.Add(fan);
        }
        var followIds = await Rows.ListAsync<long>("SELECT id FROM follows WHERE target_account_id = @id ORDER BY id DESC", new { id = long.Parse(star.AccountId) });

        var first = await Cluster.Api.GetAsync($"/api/v1/accounts/{star.AccountId}/followers?limit=2");
        var firstIds = first.EnsureSuccess().RequireJson().AsArray().Select(a => a.Text("id"));
        Assert.That(firstIds, Is.EqualTo(new[] { fans[2].AccountId, fans[1].AccountId }));
        var next = LinkTo(first, "next");
        Assert.That(next, Does.Contain($"max_id={followIds[1]}").And.Contain("limit=2"));
        Assert.That(LinkTo(first, "prev"), Does.Contain($"min_id={followIds[0]}"));

        var second = await Cluster.Api.GetAsync(next!);
        Assert.That(second.EnsureSuccess().RequireJson().AsArray().Select(a => a.Text("id")), Is.EqualTo(new[] { fans[0].AccountId }));

        var newer = await Cluster.Api.GetAsync($"/api/v1/accounts/{star.AccountId}/followers?min_id={followIds[2]}&limit=1");
        Assert.That(newer.EnsureSuccess().RequireJson().AsArray().Select(a => a.Text("id")), Is.EqualTo(new[] { fans[1].AccountId }));

        var since = await Cluster.Api.GetAsync($"/api/v1/accounts/{star.AccountId}/followers?since_id={followIds[2]}");
        Assert.That(since.EnsureSuccess().RequireJson().AsArray().Select(a => a.Text("id")), Is.EqualTo(new[] { fans[2].AccountId, fans[1].AccountId }));
    }

    [Test]
    public async Task Following_lists_the_accounts_followed()
    {
        var fan = await Cluster.Users.SignUpAsync();
        var a = await Cluster.Users.SignUpAsync();
        var b = await Cluster.Users.SignUpAsync();
        (await fan.Client.PostFormAsync($"/api/v1/accounts/{a.AccountId}/follow", [])).EnsureSuccess();
        (await fan.Client.PostFormAsync($"/api/v1/accounts/{b.AccountId}/follow", [])).EnsureSuccess();

        var following = await fan.Client.GetAsync($"/api/v1/accounts/{fan.AccountId}/following");

        Assert.That(following.EnsureSuccess().RequireJson().AsArray().Select(x => x.Text("id")), Is.EqualTo(new[] { b.AccountId, a.AccountId }));
        Assert.That(following.Header("Link"), Does.Contain("rel=\"next\""));
        var empty = await Cluster.Api.GetAsync($"/api/v1/accounts/{a.AccountId}/following");
        Assert.That(empty.EnsureSuccess().RequireJson().AsArray(), Is.Empty);
        Assert.That(empty.Header("Link"), Is.Null);
    }

    [Test]
    public async Task A_suspended_accounts_lists_are_empty_and_an_unknown_ones_not_found()
    {
        var fan = await Cluster.Users.SignUpAsync();
        var star = await Cluster.Users.SignUpAsync();
        (await fan.Client.PostFormAsync($"/api/v1/accounts/{star.AccountId}/follow", [])).EnsureSuccess();
        await Rows.ExecuteAsync("UPDATE accounts SET suspended_at = now() WHERE id = @id", new { id = long.Parse(star.AccountId) });

        Assert.That((await Cluster.Api.GetAsync($"/api/v1/accounts/{star.AccountId}/followers")).EnsureSuccess().RequireJson().AsArray(), Is.Empty);
        Assert.That((await Cluster.Api.GetAsync($"/api/v1/accounts/{fan.AccountId}/following")).EnsureSuccess().RequireJson().AsArray(), Is.Empty);
        (await Cluster.Api.GetAsync("/api/v1/accounts/424242/followers")).AssertError(404, "Record not found");
    }
}
