using System.Text.RegularExpressions;
using Fedi.Testing;

namespace Fedi.Web.Tests.Accounts;

/// <summary>An instance that requires new users to confirm their e-mail address before using the API.</summary>
public sealed class EmailConfirmationTests
{
    private FediCluster? _cluster;
    private FediCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await WebCluster.StartWebOnlyAsync(new() { ["REQUIRE_EMAIL_CONFIRMATION"] = "true" });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task A_new_user_can_use_the_api_only_after_following_the_logged_confirmation_link()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var appClient = Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));
        var username = TestUsers.NewUsername();
        var token = (await appClient.PostFormAsync("/api/v1/accounts", [
            new("username", username), new("email", $"{username}@example.com"), new("password", "correct horse battery"), new("agreement", "1")]))
            .EnsureSuccess().RequireJson().Text("access_token");
        var user = Cluster.Api.WithToken(token);

        (await user.GetAsync("/api/v1/accounts/verify_credentials")).AssertError(403, "Your login is missing a confirmed e-mail address");

        var line = await Cluster.Web!.WaitForOutputAsync(l => l.Contains($"@{username} "), TimeSpan.FromSeconds(10));
        // The link names LOCAL_DOMAIN (localhost); the test reaches the same path on the web tier's loopback address.
        var link = Regex.Match(line, @"http://\S+(/auth/confirmation\?confirmation_token=[0-9a-f]+)").Groups[1].Value;
        Assert.That(link, Is.Not.Empty, line);
        var confirmation = await Cluster.Api.GetAsync(link);
        Assert.That(confirmation.Status, Is.EqualTo(200), confirmation.ToString());

        (await user.GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess();
        Assert.That((await Cluster.Api.GetAsync(link)).Status, Is.EqualTo(400), "a link works once");
    }

    [Test]
    public async Task An_unconfirmed_user_cannot_authorize_an_app_on_the_page()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var appClient = Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));
        var username = TestUsers.NewUsername();
        (await appClient.PostFormAsync("/api/v1/accounts", [
            new("username", username), new("email", $"{username}@example.com"), new("password", "correct horse battery"), new("agreement", "true")]))
            .EnsureSuccess();
        var page = await OAuth.OAuthFlow.OpenAsync(Cluster.Api, new Dictionary<string, string?>
        {
            ["client_id"] = app.ClientId, ["redirect_uri"] = TestUsers.OutOfBand, ["response_type"] = "code", ["scope"] = "read",
        });

        var answer = await OAuth.OAuthFlow.SubmitAsync(Cluster.Api, page.EnsureSuccess().Body, $"{username}@example.com", "correct horse battery");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Body, Does.Contain("You have to confirm your email address before continuing.").And.Not.Contain("id=\"code\""));
        Assert.That(await Rows.CountAsync(Cluster, "SELECT count(*) FROM oauth_access_grants g JOIN users u ON u.id = g.resource_owner_id WHERE u.email = @email",
            new { email = $"{username}@example.com" }), Is.Zero);
    }

    [Test]
    public async Task An_unconfirmed_account_is_invisible_to_others()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var appClient = Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));
        var username = TestUsers.NewUsername();
        (await appClient.PostFormAsync("/api/v1/accounts", [
            new("username", username), new("email", $"{username}@example.com"), new("password", "correct horse battery"), new("agreement", "true")]))
            .EnsureSuccess();

        (await Cluster.Api.GetAsync($"/api/v1/accounts/lookup?acct={username}")).AssertError(404, "Record not found");
    }
}
