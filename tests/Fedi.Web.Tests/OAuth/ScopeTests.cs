using Fedi.Testing;

namespace Fedi.Web.Tests.OAuth;

/// <summary>What each endpoint asks of a token, granular scopes included.</summary>
public sealed class ScopeTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<(TestUser User, ApiClient Client)> UserWithScopesAsync(string scopes)
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read write follow push profile");
        var token = await Cluster.Users.PasswordTokenAsync(app, user.Email, user.Password, scopes);
        return (user, Cluster.Api.WithToken(token));
    }

    [Test]
    public async Task A_read_accounts_token_reads_accounts_but_cannot_follow()
    {
        var (_, client) = await UserWithScopesAsync("read:accounts");
        var other = await Cluster.Users.SignUpAsync();

        (await client.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
        (await client.GetAsync($"/api/v1/accounts/{other.AccountId}")).EnsureSuccess();
        (await client.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).AssertError(403, "This action is outside the authorized scopes");
        (await client.GetAsync($"/api/v1/accounts/relationships?id[]={other.AccountId}")).AssertError(403, "This action is outside the authorized scopes");
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM follows WHERE target_account_id = @id", new { id = long.Parse(other.AccountId) }), Is.Zero);
    }

    [Test]
    public async Task A_write_follows_token_follows_but_cannot_read()
    {
        var (_, client) = await UserWithScopesAsync("write:follows");
        var other = await Cluster.Users.SignUpAsync();

        (await client.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).EnsureSuccess();
        (await client.GetAsync("/api/v1/accounts/verify_credentials")).AssertError(403, "This action is outside the authorized scopes");
        (await client.GetAsync($"/api/v1/accounts/{other.AccountId}")).AssertError(403, "This action is outside the authorized scopes");
        (await client.GetAsync($"/api/v1/accounts/relationships?id[]={other.AccountId}")).AssertError(403, "This action is outside the authorized scopes");
    }

    [Test]
    public async Task The_legacy_follow_scope_covers_follows_and_the_profile_scope_covers_verify_credentials()
    {
        var (_, follower) = await UserWithScopesAsync("follow");
        var (_, profile) = await UserWithScopesAsync("profile");
        var other = await Cluster.Users.SignUpAsync();

        (await follower.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).EnsureSuccess();
        (await follower.GetAsync($"/api/v1/accounts/relationships?id[]={other.AccountId}")).EnsureSuccess();
        (await profile.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
        (await profile.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).AssertError(403, "This action is outside the authorized scopes");
    }

    [Test]
    public async Task An_app_token_is_not_a_user()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var client = Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));
        var other = await Cluster.Users.SignUpAsync();

        (await client.GetAsync("/api/v1/accounts/verify_credentials")).AssertError(422, "This method requires an authenticated user");
        (await client.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).AssertError(422, "This method requires an authenticated user");
        (await client.GetAsync($"/api/v1/accounts/{other.AccountId}")).EnsureSuccess();
    }

    [Test]
    public async Task A_missing_token_is_401_where_a_user_is_needed_and_an_invalid_one_is_401_everywhere()
    {
        var other = await Cluster.Users.SignUpAsync();
        (await Cluster.Api.GetAsync("/api/v1/accounts/verify_credentials")).AssertError(401, "The access token is invalid");
        (await Cluster.Api.PostFormAsync($"/api/v1/accounts/{other.AccountId}/follow", [])).AssertError(401, "The access token is invalid");
        (await Cluster.Api.GetAsync($"/api/v1/accounts/{other.AccountId}")).EnsureSuccess();
        (await Cluster.Api.WithToken("forged").GetAsync($"/api/v1/accounts/{other.AccountId}")).AssertError(401, "The access token is invalid");
    }
}
