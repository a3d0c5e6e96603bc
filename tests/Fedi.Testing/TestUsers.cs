using System.Text.Json.Nodes;

namespace Fedi.Testing;

/// <summary>
/// Builders for apps, tokens and users that go through the real client API of one instance, as a
/// Mastodon app would. Every call makes new, uniquely named things, so tests never share accounts.
/// </summary>
/// <param name="webUrl">The web tier, e.g. <see cref="FediCluster.WebUrl"/>.</param>
public sealed class TestUsers(string webUrl)
{
    /// <summary>The scopes apps and users get unless a test asks for others.</summary>
    public const string AllScopes = "read write follow push";

    /// <summary>The out-of-band redirect URI Mastodon apps use when they have no web page.</summary>
    public const string OutOfBand = "urn:ietf:wg:oauth:2.0:oob";

    private readonly ApiClient _anonymous = new(webUrl);

    /// <summary>A fresh valid username: <c>u</c> and 10 random <c>[a-z0-9]</c> characters.</summary>
    public static string NewUsername() => RandomNames.Unique("u");

    /// <summary>Registers an app (<c>POST /api/v1/apps</c>).</summary>
    public async Task<TestApp> RegisterAppAsync(string scopes = AllScopes, string redirectUri = OutOfBand, CancellationToken ct = default)
    {
        var response = await _anonymous.PostFormAsync("/api/v1/apps", new Dictionary<string, string>
        {
            ["client_name"] = RandomNames.Unique("test app "),
            ["redirect_uris"] = redirectUri,
            ["scopes"] = scopes,
        }, ct);
        var json = response.EnsureSuccess().RequireJson();
        return new TestApp(Text(json, "id"), Text(json, "client_id"), Text(json, "client_secret"), scopes, redirectUri);
    }

    /// <summary>An app token (<c>grant_type=client_credentials</c>), e.g. to sign up.</summary>
    public Task<string> ClientCredentialsTokenAsync(TestApp app, string scopes = AllScopes, CancellationToken ct = default) =>
        RequestTokenAsync(app, scopes, [new("grant_type", "client_credentials")], ct);

    /// <summary>A user token by password (<c>grant_type=password</c>; the username is the e-mail).</summary>
    public Task<string> PasswordTokenAsync(TestApp app, string email, string password, string scopes = AllScopes, CancellationToken ct = default) =>
        RequestTokenAsync(app, scopes, [new("grant_type", "password"), new("username", email), new("password", password)], ct);

    /// <summary>
    /// Signs a new user up as a Mastodon app does: registers an app, gets an app token, calls
    /// <c>POST /api/v1/accounts</c>, and reads the account id back with the returned user token.
    /// </summary>
    public async Task<TestUser> SignUpAsync(string? username = null, CancellationToken ct = default)
    {
        username ??= NewUsername();
        var email = $"{username}@example.com";
        var password = RandomNames.Unique("pw-");
        var app = await RegisterAppAsync(AllScopes, OutOfBand, ct);
        var appToken = await ClientCredentialsTokenAsync(app, AllScopes, ct);
        var response = await _anonymous.WithToken(appToken).PostFormAsync("/api/v1/accounts", new Dictionary<string, string>
        {
            ["username"] = username,
            ["email"] = email,
            ["password"] = password,
            ["agreement"] = "true",
            ["locale"] = "en",
        }, ct);
        var token = Text(response.EnsureSuccess().RequireJson(), "access_token");
        return await DescribeUserAsync(username, email, password, token, ct);
    }

    /// <summary>Logs an existing user in (e.g. one made with <see cref="FediCluster.CreateAccountWithCliAsync"/>) by password grant.</summary>
    public async Task<TestUser> LogInAsync(string email, string password, string scopes = AllScopes, CancellationToken ct = default)
    {
        var app = await RegisterAppAsync(scopes, OutOfBand, ct);
        var token = await PasswordTokenAsync(app, email, password, scopes, ct);
        var username = email.Split('@')[0];
        return await DescribeUserAsync(username, email, password, token, ct);
    }

    private async Task<TestUser> DescribeUserAsync(string username, string email, string password, string token, CancellationToken ct)
    {
        var client = _anonymous.WithToken(token);
        var account = (await client.GetAsync("/api/v1/accounts/verify_credentials", ct)).EnsureSuccess().RequireJson();
        return new TestUser
        {
            Username = account["username"]?.GetValue<string>() ?? username,
            Email = email,
            Password = password,
            Token = token,
            AccountId = Text(account, "id"),
            Client = client,
        };
    }

    private async Task<string> RequestTokenAsync(TestApp app, string scopes, KeyValuePair<string, string>[] grant, CancellationToken ct)
    {
        KeyValuePair<string, string>[] form =
        [
            .. grant,
            new("client_id", app.ClientId),
            new("client_secret", app.ClientSecret),
            new("redirect_uri", app.RedirectUri),
            new("scope", scopes),
        ];
        var response = await _anonymous.PostFormAsync("/oauth/token", form, ct);
        return Text(response.EnsureSuccess().RequireJson(), "access_token");
    }

    private static string Text(JsonNode json, string property) =>
        json[property]?.ToString() ?? throw new FormatException($"No \"{property}\" in {json.ToJsonString()}");
}
