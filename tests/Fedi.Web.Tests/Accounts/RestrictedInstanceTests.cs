using Fedi.Testing;

namespace Fedi.Web.Tests.Accounts;

/// <summary>An instance with registrations closed and the password grant off.</summary>
public sealed class RestrictedInstanceTests
{
    private FediCluster? _cluster;
    private FediCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _cluster = await WebCluster.StartWebOnlyAsync(new() { ["REGISTRATIONS_MODE"] = "none", ["OAUTH_PASSWORD_GRANT"] = "false" });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Sign_up_is_forbidden_when_registrations_are_closed()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var client = Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));
        var username = TestUsers.NewUsername();

        var response = await client.PostFormAsync("/api/v1/accounts", [
            new("username", username), new("email", $"{username}@example.com"), new("password", "correct horse battery"), new("agreement", "true")]);

        response.AssertError(403, "Forbidden");
        Assert.That(await Rows.CountAsync(Cluster, "SELECT count(*) FROM accounts WHERE username = @username", new { username }), Is.Zero);
    }

    [Test]
    public async Task The_password_grant_is_unsupported_when_turned_off()
    {
        var (email, password) = await Cluster.CreateAccountWithCliAsync(TestUsers.NewUsername());
        var app = await Cluster.Users.RegisterAppAsync();

        var response = await Cluster.Api.PostFormAsync("/oauth/token", [
            new("grant_type", "password"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
            new("username", email), new("password", password)]);

        response.AssertOAuthError(400, "unsupported_grant_type");
        var metadata = (await Cluster.Api.GetAsync("/.well-known/oauth-authorization-server")).EnsureSuccess().RequireJson();
        Assert.That(metadata["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()), Does.Not.Contain("password"));
        Assert.That(await Rows.CountAsync(Cluster, "SELECT count(*) FROM oauth_access_tokens t JOIN users u ON u.id = t.resource_owner_id WHERE u.email = @email",
            new { email }), Is.Zero);
    }
}
