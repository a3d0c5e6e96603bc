using System.Net.Http.Headers;
using System.Text;
using Fedi.Testing;

namespace Fedi.Web.Tests.OAuth;

/// <summary>POST /oauth/token for the grants that need no browser.</summary>
public sealed class TokenTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Task<ApiResponse> TokenAsync(params KeyValuePair<string, string>[] form) => Cluster.Api.PostFormAsync("/oauth/token", form);

    private static Task<long> TokensOfAsync(TestApp app) =>
        Rows.CountAsync("SELECT count(*) FROM oauth_access_tokens t JOIN oauth_applications a ON a.id = t.application_id WHERE a.uid = @uid", new { uid = app.ClientId });

    [Test]
    public async Task Client_credentials_give_an_app_token_with_read_unless_other_scopes_are_asked()
    {
        var app = await Cluster.Users.RegisterAppAsync("read write:accounts");

        var plain = (await TokenAsync(new("grant_type", "client_credentials"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret)))
            .EnsureSuccess().RequireJson();
        var asked = (await TokenAsync(new("grant_type", "client_credentials"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
            new("scope", "read write:accounts"))).EnsureSuccess().RequireJson();

        Assert.That(plain.Text("scope"), Is.EqualTo("read"));
        Assert.That(asked.Text("scope"), Is.EqualTo("read write:accounts"));
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM oauth_access_tokens t JOIN oauth_applications a ON a.id = t.application_id WHERE a.uid = @uid AND t.resource_owner_id IS NULL",
            new { uid = app.ClientId }), Is.EqualTo(2));
    }

    [Test]
    public async Task Clients_may_authenticate_with_http_basic_and_send_json()
    {
        var app = await Cluster.Users.RegisterAppAsync("read");
        using var request = new HttpRequestMessage(HttpMethod.Post, Cluster.Api.Absolute("/oauth/token"))
        {
            Content = new StringContent("""{"grant_type":"client_credentials","scope":"read"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret}")));

        var response = await Cluster.Api.SendAsync(request);

        Assert.That(response.EnsureSuccess().RequireJson().Text("scope"), Is.EqualTo("read"));
        Assert.That(response.Header("Cache-Control"), Does.Contain("no-store"));
    }

    [Test]
    public async Task Scopes_beyond_the_apps_are_an_invalid_scope()
    {
        var app = await Cluster.Users.RegisterAppAsync("read");
        var response = await TokenAsync(new("grant_type", "client_credentials"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret), new("scope", "read write"));
        response.AssertOAuthError(400, "invalid_scope");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task An_unknown_client_or_wrong_secret_is_an_invalid_client()
    {
        var app = await Cluster.Users.RegisterAppAsync("read");
        (await TokenAsync(new("grant_type", "client_credentials"), new("client_id", "nobody"), new("client_secret", "x"))).AssertOAuthError(401, "invalid_client");
        (await TokenAsync(new("grant_type", "client_credentials"), new("client_id", app.ClientId), new("client_secret", "wrong"))).AssertOAuthError(401, "invalid_client");
        (await TokenAsync(new("grant_type", "client_credentials"), new("client_id", app.ClientId))).AssertOAuthError(401, "invalid_client");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task Missing_or_unknown_grant_types_are_refused()
    {
        var app = await Cluster.Users.RegisterAppAsync("read");
        (await TokenAsync(new("client_id", app.ClientId), new("client_secret", app.ClientSecret))).AssertOAuthError(400, "invalid_request");
        (await TokenAsync(new("grant_type", "refresh_token"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret)))
            .AssertOAuthError(400, "unsupported_grant_type");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task The_password_grant_takes_the_email_as_username()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read write follow");

        var token = (await TokenAsync(new("grant_type", "password"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
            new("username", user.Email.ToUpperInvariant()), new("password", user.Password), new("scope", "read follow"))).EnsureSuccess().RequireJson();

        Assert.That(token.Text("scope"), Is.EqualTo("read follow"));
        var me = (await Cluster.Api.WithToken(token.Text("access_token")).GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That(me.Text("id"), Is.EqualTo(user.AccountId));
    }

    [Test]
    public async Task A_wrong_password_is_an_invalid_grant()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read");
        var response = await TokenAsync(new("grant_type", "password"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
            new("username", user.Email), new("password", "not the password"));
        response.AssertOAuthError(400, "invalid_grant");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task A_malformed_body_is_a_bad_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Cluster.Api.Absolute("/oauth/token"))
        {
            Content = new StringContent("{\"grant_type\":", Encoding.UTF8, "application/json"),
        };
        var response = await Cluster.Api.SendAsync(request);
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json?["error"]?.GetValue<string>(), Does.Contain("malformed"));
    }

    [Test]
    public async Task The_authorization_server_metadata_names_the_endpoints()
    {
        var metadata = (await Cluster.Api.GetAsync("/.well-known/oauth-authorization-server")).EnsureSuccess().RequireJson();
        Assert.Multiple(() =>
        {
            Assert.That(metadata.Text("issuer"), Does.StartWith("http://localhost:"));
            Assert.That(metadata.Text("authorization_endpoint"), Does.EndWith("/oauth/authorize"));
            Assert.That(metadata.Text("token_endpoint"), Does.EndWith("/oauth/token"));
            Assert.That(metadata.Text("revocation_endpoint"), Does.EndWith("/oauth/revoke"));
            Assert.That(metadata.Text("app_registration_endpoint"), Does.EndWith("/api/v1/apps"));
            Assert.That(metadata["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()),
                Is.EquivalentTo(new[] { "authorization_code", "client_credentials", "password" }));
            Assert.That(metadata["code_challenge_methods_supported"]!.AsArray().Select(g => g!.GetValue<string>()), Does.Contain("S256"));
            Assert.That(metadata["scopes_supported"]!.AsArray().Select(g => g!.GetValue<string>()), Does.Contain("read:accounts").And.Contain("write:follows"));
        });
    }
}
