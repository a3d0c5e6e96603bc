using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.OAuth;

public sealed class AppsTests
{
    private static ApiClient Api => WebCluster.Cluster.Api;

    private static Task<long> AppsNamedAsync(string name) => Rows.CountAsync("SELECT count(*) FROM oauth_applications WHERE name = @name", new { name });

    [Test]
    public async Task Registering_an_app_returns_its_credentials_once()
    {
        var name = RandomNames.Unique("My App ");
        var response = await Api.PostFormAsync("/api/v1/apps", [
            new("client_name", name), new("redirect_uris", "https://app.example/callback"),
            new("scopes", "read write:statuses follow"), new("website", "https://app.example")]);

        var app = response.EnsureSuccess().RequireJson();
        Assert.Multiple(() =>
        {
            Assert.That(app.Text("name"), Is.EqualTo(name));
            Assert.That(app.Text("website"), Is.EqualTo("https://app.example"));
            Assert.That(app["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "write:statuses", "follow" }));
            Assert.That(app.Text("redirect_uri"), Is.EqualTo("https://app.example/callback"));
            Assert.That(app["redirect_uris"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "https://app.example/callback" }));
            Assert.That(app.Text("client_id"), Has.Length.GreaterThanOrEqualTo(32));
            Assert.That(app.Text("client_secret"), Has.Length.GreaterThanOrEqualTo(32));
            Assert.That(app["client_secret_expires_at"]!.GetValue<long>(), Is.Zero);
            Assert.That(app.Text("vapid_key"), Is.Empty);
            Assert.That(long.Parse(app.Text("id")), Is.Positive);
        });
        Assert.That(await AppsNamedAsync(name), Is.EqualTo(1));
    }

    [Test]
    public async Task Scopes_default_to_read_and_website_to_null()
    {
        var app = (await Api.PostJsonAsync("/api/v1/apps", new { client_name = RandomNames.Unique("app "), redirect_uris = "urn:ietf:wg:oauth:2.0:oob" }))
            .EnsureSuccess().RequireJson();
        Assert.That(app["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read" }));
        Assert.That(app["website"], Is.Null);
    }

    [Test]
    public async Task Redirect_uris_may_come_as_an_array_or_separated_by_spaces_and_newlines()
    {
        var fromArray = (await Api.PostJsonAsync("/api/v1/apps", new
        {
            client_name = RandomNames.Unique("app "), redirect_uris = new[] { "https://a.example/cb", "myapp://oauth" },
        })).EnsureSuccess().RequireJson();
        var fromText = (await Api.PostFormAsync("/api/v1/apps", [
            new("client_name", RandomNames.Unique("app ")), new("redirect_uris", "https://a.example/cb myapp://oauth\nurn:ietf:wg:oauth:2.0:oob")]))
            .EnsureSuccess().RequireJson();

        Assert.That(fromArray["redirect_uris"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "https://a.example/cb", "myapp://oauth" }));
        Assert.That(fromArray.Text("redirect_uri"), Is.EqualTo("https://a.example/cb\nmyapp://oauth"));
        Assert.That(fromText["redirect_uris"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [TestCase(null, "https://a.example/cb", "read", null, "Validation failed: Application name can't be blank")]
    [TestCase("n", null, "read", null, "Validation failed: Redirect URI can't be blank")]
    [TestCase("n", "/callback", "read", null, "Validation failed: Redirect URI must be an absolute URI.")]
    [TestCase("n", "javascript:alert(1)", "read", null, "Validation failed: Redirect URI is forbidden by the server., Redirect URI must specify a scheme.")]
    [TestCase("n", "data:text/html,hi", "read", null, "Validation failed: Redirect URI is forbidden by the server., Redirect URI must specify a scheme.")]
    [TestCase("n", "vbscript://x/msgbox", "read", null, "Validation failed: Redirect URI is forbidden by the server.")]
    [TestCase("n", "https://a.example/cb#frag", "read", null, "Validation failed: Redirect URI cannot contain a fragment.")]
    [TestCase("n", "https://a.example/cb", "read bogus", null, "Validation failed: Scopes doesn't match configured on the server.")]
    [TestCase("n", "https://a.example/cb", "read", "not a url", "Validation failed: Application website is not a valid URL")]
    public async Task An_invalid_registration_is_refused_and_nothing_is_stored(string? name, string? redirectUri, string scopes, string? website, string error)
    {
        var marker = RandomNames.Unique("invalid-app-");
        var form = new List<KeyValuePair<string, string>> { new("scopes", scopes) };
        form.Add(new("client_name", name is null ? "" : $"{name} {marker}"));
        if (redirectUri is not null) form.Add(new("redirect_uris", redirectUri));
        if (website is not null) form.Add(new("website", website));

        var response = await Api.PostFormAsync("/api/v1/apps", form);

        response.AssertError(422, error);
        var stored = name is null
            ? await Rows.CountAsync("SELECT count(*) FROM oauth_applications WHERE name = ''")
            : await Rows.CountAsync("SELECT count(*) FROM oauth_applications WHERE name LIKE @pattern", new { pattern = $"%{marker}" });
        Assert.That(stored, Is.Zero);
    }

    [Test]
    public async Task A_name_longer_than_60_characters_is_refused()
    {
        var name = RandomNames.Unique(new string('n', 60));
        var response = await Api.PostFormAsync("/api/v1/apps", [new("client_name", name), new("redirect_uris", "urn:ietf:wg:oauth:2.0:oob")]);
        response.AssertError(422, "Validation failed: Application name is too long (maximum is 60 characters)");
        Assert.That(await AppsNamedAsync(name), Is.Zero);
    }

    [Test]
    public async Task A_malformed_json_body_is_a_bad_request_and_stores_nothing()
    {
        var name = RandomNames.Unique("broken ");
        using var request = new HttpRequestMessage(HttpMethod.Post, Api.Absolute("/api/v1/apps"))
        {
            Content = new StringContent($$"""{"client_name": "{{name}}", "redirect_uris": """, System.Text.Encoding.UTF8, "application/json"),
        };
        var response = await Api.SendAsync(request);
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json?["error"]?.GetValue<string>(), Does.Contain("malformed"));
        Assert.That(await AppsNamedAsync(name), Is.Zero);
    }

    [Test]
    public async Task Verify_credentials_shows_the_app_of_an_app_token_or_a_user_token_without_its_secret()
    {
        var users = WebCluster.Cluster.Users;
        var app = await users.RegisterAppAsync("read write");
        var appToken = await users.ClientCredentialsTokenAsync(app, "read");
        var user = await users.SignUpAsync();

        var byApp = (await Api.WithToken(appToken).GetAsync("/api/v1/apps/verify_credentials")).EnsureSuccess().RequireJson();
        var byUser = (await user.Client.GetAsync("/api/v1/apps/verify_credentials")).EnsureSuccess().RequireJson();

        Assert.That(byApp.Text("id"), Is.EqualTo(app.Id));
        Assert.That(byApp["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "write" }));
        Assert.That(byApp.AsObject().ContainsKey("client_secret"), Is.False);
        Assert.That(byUser.Text("name"), Does.StartWith("test app "));
    }

    [Test]
    public async Task Verify_credentials_needs_a_valid_token()
    {
        (await Api.GetAsync("/api/v1/apps/verify_credentials")).AssertError(401, "The access token is invalid");
        (await Api.WithToken("not-a-token").GetAsync("/api/v1/apps/verify_credentials")).AssertError(401, "The access token is invalid");
    }
}
