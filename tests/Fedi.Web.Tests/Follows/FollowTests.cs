using Fedi.Testing;

namespace Fedi.Web.Tests.Follows;

/// <summary>Following and unfollowing, with the counters and relationships a client sees.</summary>
public sealed class FollowTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<(long Following, long Followers)> CountsAsync(TestUser user)
    {
        var account = (await Cluster.Api.GetAsync($"/api/v1/accounts/{user.AccountId}")).EnsureSuccess().RequireJson();
        return (account["following_count"]!.GetValue<long>(), account["followers_count"]!.GetValue<long>());
    }

    private static Task<long> FollowRowsAsync(TestUser follower) =>
        Rows.CountAsync("SELECT count(*) FROM follows WHERE account_id = @id", new { id = long.Parse(follower.AccountId) });

    [Test]
    public async Task Following_returns_the_relationship_and_counts_on_both_sides()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();

        var relationship = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [])).EnsureSuccess().RequireJson();

        Assert.Multiple(() =>
        {
            Assert.That(relationship.Text("id"), Is.EqualTo(bob.AccountId));
            Assert.That(relationship["following"]!.GetValue<bool>(), Is.True);
            Assert.That(relationship["showing_reblogs"]!.GetValue<bool>(), Is.True);
            Assert.That(relationship["notifying"]!.GetValue<bool>(), Is.False);
            Assert.That(relationship["followed_by"]!.GetValue<bool>(), Is.False);
            Assert.That(relationship["requested"]!.GetValue<bool>(), Is.False);
            Assert.That(relationship["languages"], Is.Null);
            Assert.That(relationship.Text("note"), Is.Empty);
        });
        Assert.That(await CountsAsync(alice), Is.EqualTo((1L, 0L)));
        Assert.That(await CountsAsync(bob), Is.EqualTo((0L, 1L)));
    }

    [Test]
    public async Task Following_again_changes_only_the_options_sent()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [new("notify", "true"), new("languages[]", "en"), new("languages[]", "de")]))
            .EnsureSuccess();

        var relationship = (await alice.Client.PostJsonAsync($"/api/v1/accounts/{bob.AccountId}/follow", new { reblogs = false })).EnsureSuccess().RequireJson();

        Assert.That(relationship["showing_reblogs"]!.GetValue<bool>(), Is.False);
        Assert.That(relationship["notifying"]!.GetValue<bool>(), Is.True);
        Assert.That(relationship["languages"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[] { "en", "de" }));
        Assert.That(await FollowRowsAsync(alice), Is.EqualTo(1));
        Assert.That(await CountsAsync(bob), Is.EqualTo((0L, 1L)));
    }

    [Test]
    public async Task Unfollowing_removes_the_follow_and_the_counts_and_may_be_repeated()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [])).EnsureSuccess();

        var relationship = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unfollow", [])).EnsureSuccess().RequireJson();
        var again = (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unfollow", [])).EnsureSuccess().RequireJson();

        Assert.That(relationship["following"]!.GetValue<bool>(), Is.False);
        Assert.That(again["following"]!.GetValue<bool>(), Is.False);
        Assert.That(await FollowRowsAsync(alice), Is.Zero);
        Assert.That(await CountsAsync(alice), Is.EqualTo((0L, 0L)));
        Assert.That(await CountsAsync(bob), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task Following_yourself_is_not_allowed()
    {
        var alice = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).AssertError(403, "Following your own account is not allowed");
        Assert.That(await FollowRowsAsync(alice), Is.Zero);
        Assert.That(await CountsAsync(alice), Is.EqualTo((0L, 0L)));
    }

    [TestCase("123456789")]
    [TestCase("abc")]
    public async Task Following_an_unknown_account_is_not_found(string id)
    {
        var alice = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{id}/follow", [])).AssertError(404, "Record not found");
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{id}/unfollow", [])).AssertError(404, "Record not found");
        Assert.That(await FollowRowsAsync(alice), Is.Zero);
    }

    [Test]
    public async Task Following_with_invalid_languages_is_refused_and_writes_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostJsonAsync($"/api/v1/accounts/{bob.AccountId}/follow", new { languages = new[] { "en", "<bogus>" } }))
            .AssertError(422, "Validation failed: Languages is invalid");
        Assert.That(await FollowRowsAsync(alice), Is.Zero);
    }

    [Test]
    public async Task A_malformed_body_is_a_bad_request_and_follows_no_one()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, alice.Client.Absolute($"/api/v1/accounts/{bob.AccountId}/follow"))
        {
            Content = new StringContent("[1, 2", System.Text.Encoding.UTF8, "application/json"),
        };
        var response = await alice.Client.SendAsync(request);
        Assert.That(response.Status, Is.EqualTo(400), response.ToString());
        Assert.That(await FollowRowsAsync(alice), Is.Zero);
    }

    [Test]
    public async Task Relationships_come_in_the_order_asked_without_unknown_accounts()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [])).EnsureSuccess();
        (await carol.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();

        var relationships = (await alice.Client.GetAsync(
            $"/api/v1/accounts/relationships?id[]={carol.AccountId}&id[]=999999&id[]={bob.AccountId}&id[]=x&id[]={carol.AccountId}"))
            .EnsureSuccess().RequireJson().AsArray();

        Assert.That(relationships.Select(r => r.Text("id")), Is.EqualTo(new[] { carol.AccountId, bob.AccountId }));
        Assert.That(relationships[0]!["following"]!.GetValue<bool>(), Is.False);
        Assert.That(relationships[0]!["followed_by"]!.GetValue<bool>(), Is.True);
        Assert.That(relationships[1]!["following"]!.GetValue<bool>(), Is.True);
        Assert.That(relationships[1]!["followed_by"]!.GetValue<bool>(), Is.False);
    }
}
