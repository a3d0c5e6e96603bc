using Fedi.Testing;

namespace Fedi.Web.Tests.Accounts;

/// <summary>The signed-in account, accounts by id, and lookup by handle.</summary>
public sealed class AccountsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Verify_credentials_returns_the_account_with_its_source()
    {
        var user = await Cluster.Users.SignUpAsync();
        var me = (await user.Client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.Multiple(() =>
        {
            Assert.That(me.Text("id"), Is.EqualTo(user.AccountId));
            Assert.That(me.Text("username"), Is.EqualTo(user.Username));
            Assert.That(me.Text("acct"), Is.EqualTo(user.Username));
            Assert.That(me["source"]!.Text("privacy"), Is.EqualTo("public"));
            Assert.That(me["role"], Is.Not.Null);
            Assert.That(me["followers_count"]!.GetValue<long>(), Is.Zero);
        });
    }

    [Test]
    public async Task Anyone_may_see_an_account_by_id()
    {
        var user = await Cluster.Users.SignUpAsync();
        var account = (await Cluster.Api.GetAsync($"/api/v1/accounts/{user.AccountId}")).EnsureSuccess().RequireJson();
        Assert.That(account.Text("username"), Is.EqualTo(user.Username));
        Assert.That(account.AsObject().ContainsKey("source"), Is.False);
    }

    [TestCase("12345")]
    [TestCase("not-a-number")]
    [TestCase("-1")]
    public async Task An_unknown_account_is_not_found(string id)
    {
        (await Cluster.Api.GetAsync($"/api/v1/accounts/{id}")).AssertError(404, "Record not found");
    }

    [Test]
    public async Task A_suspended_account_is_not_found()
    {
        var user = await Cluster.Users.SignUpAsync();
        await Rows.ExecuteAsync("UPDATE accounts SET suspended_at = now() WHERE id = @id", new { id = long.Parse(user.AccountId) });

        (await Cluster.Api.GetAsync($"/api/v1/accounts/{user.AccountId}")).AssertError(404, "Record not found");
        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={user.Username}")).AssertError(404, "Record not found");
    }

    [Test]
    public async Task Lookup_finds_a_local_account_by_its_handle_in_any_form()
    {
        var user = await Cluster.Users.SignUpAsync();
        var domain = Cluster.Environment["LOCAL_DOMAIN"];
        foreach (var acct in new[] { user.Username, $"@{user.Username}", $"{user.Username.ToUpperInvariant()}@{domain}" })
        {
            var found = (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={Uri.EscapeDataString(acct)}")).EnsureSuccess().RequireJson();
            Assert.That(found.Text("id"), Is.EqualTo(user.AccountId), acct);
        }
    }

    [Test]
    public async Task Lookup_of_a_missing_account_is_not_found()
    {
        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={TestUsers.NewUsername()}")).AssertError(404, "Record not found");
        (await Cluster.Api.GetAsync("/api/v1/accounts/lookup")).AssertError(404, "Record not found");
        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={TestUsers.NewUsername()}@remote.example")).AssertError(404, "Record not found");
    }
}
