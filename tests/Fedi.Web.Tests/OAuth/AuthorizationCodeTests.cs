using Fedi.Testing;

namespace Fedi.Web.Tests.OAuth;

/// <summary>The authorization code flow over real HTTP, as a browser and a client app go through it.</summary>
public sealed class AuthorizationCodeTests
{
    private const string Callback = "https://client.example/callback";
    private static FediCluster Cluster => WebCluster.Cluster;

    private static Dictionary<string, string?> Query(TestApp app, string? scope = "read write", string? state = "xyz",
        string? challenge = null, string? method = null, string redirectUri = Callback) => new()
    {
        ["client_id"] = app.ClientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope, ["state"] = state,
        ["code_challenge"] = challenge, ["code_challenge_method"] = method,
    };

    private static Task<long> GrantsOfAsync(TestApp app) =>
        Rows.CountAsync("SELECT count(*) FROM oauth_access_grants g JOIN oauth_applications a ON a.id = g.application_id WHERE a.uid = @uid", new { uid = app.ClientId });

    private static Task<long> TokensOfAsync(TestApp app) =>
        Rows.CountAsync("SELECT count(*) FROM oauth_access_tokens t JOIN oauth_applications a ON a.id = t.application_id WHERE a.uid = @uid", new { uid = app.ClientId });

    [Test]
    public async Task Signing_in_and_authorizing_redirects_with_a_code_that_PKCE_turns_into_a_working_token()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read write follow", Callback);
        var verifier = OAuthFlow.NewVerifier();

        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, challenge: OAuthFlow.S256(verifier), method: "S256"));
        Assert.That(page.Status, Is.EqualTo(200), page.ToString());
        Assert.That(page.Header("Content-Type"), Does.StartWith("text/html"));
        Assert.That(page.Body, Does.Contain("name=\"password\"").And.Contain("read all your account&#x27;s data"));

        var answer = await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, user.Email, user.Password);
        Assert.That(answer.Status, Is.EqualTo(302), answer.ToString());
        Assert.That(answer.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(Callback));
        var query = OAuthFlow.RedirectQuery(answer);
        Assert.That(query["state"], Is.EqualTo("xyz"));

        var token = (await OAuthFlow.ExchangeAsync(Cluster.Api, app, query["code"], Callback, verifier)).EnsureSuccess().RequireJson();
        Assert.Multiple(() =>
        {
            Assert.That(token.Text("token_type"), Is.EqualTo("Bearer"));
            Assert.That(token.Text("scope"), Is.EqualTo("read write"));
            Assert.That(token["created_at"]!.GetValue<long>(), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(120));
        });
        var me = (await Cluster.Api.WithToken(token.Text("access_token")).GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That(me.Text("id"), Is.EqualTo(user.AccountId));
    }

    [Test]
    public async Task The_fragment_response_mode_puts_the_code_after_the_hash()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var query = Query(app, scope: "read");
        query["response_mode"] = "fragment";
        var page = await OAuthFlow.OpenAsync(Cluster.Api, query);

        var answer = await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, user.Email, user.Password);

        Assert.That(answer.Status, Is.EqualTo(302));
        var location = answer.Headers.Location!;
        Assert.That(location.Query, Is.Empty);
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Fragment.TrimStart('#'));
        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, fields["code"].ToString(), Callback)).EnsureSuccess();
    }

    [Test]
    public async Task A_code_works_once()
    {
        var (app, code) = await AuthorizeOutOfBandAsync();
        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, TestUsers.OutOfBand)).EnsureSuccess();

        var again = await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, TestUsers.OutOfBand);

        again.AssertOAuthError(400, "invalid_grant");
        Assert.That(await TokensOfAsync(app), Is.EqualTo(1));
    }

    [Test]
    public async Task The_out_of_band_page_shows_the_code()
    {
        var (app, code) = await AuthorizeOutOfBandAsync();
        Assert.That(code, Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(await GrantsOfAsync(app), Is.EqualTo(1));
    }

    [Test]
    public async Task A_wrong_code_verifier_is_an_invalid_grant_and_issues_nothing()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read", challenge: OAuthFlow.S256(OAuthFlow.NewVerifier()), method: "S256"));
        var code = OAuthFlow.RedirectQuery(await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, user.Email, user.Password))["code"];

        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, Callback, OAuthFlow.NewVerifier())).AssertOAuthError(400, "invalid_grant");
        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, Callback)).AssertOAuthError(400, "invalid_request");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task A_plain_code_challenge_is_checked_too()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read", challenge: "plain-verifier-0123456789-0123456789-0123", method: "plain"));
        var code = OAuthFlow.RedirectQuery(await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, user.Email, user.Password))["code"];

        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, Callback, "plain-verifier-0123456789-0123456789-0123")).EnsureSuccess();
    }

    [Test]
    public async Task The_redirect_uri_must_match_at_the_token_endpoint()
    {
        var (app, code) = await AuthorizeOutOfBandAsync();
        (await OAuthFlow.ExchangeAsync(Cluster.Api, app, code, "https://elsewhere.example/cb")).AssertOAuthError(400, "invalid_grant");
        Assert.That(await TokensOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task A_code_is_worthless_to_another_client()
    {
        var (_, code) = await AuthorizeOutOfBandAsync();
        var thief = await Cluster.Users.RegisterAppAsync("read");
        (await OAuthFlow.ExchangeAsync(Cluster.Api, thief, code, TestUsers.OutOfBand)).AssertOAuthError(400, "invalid_grant");
        Assert.That(await TokensOfAsync(thief), Is.Zero);
    }

    [Test]
    public async Task A_wrong_password_shows_the_form_again_and_creates_nothing()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read"));

        var answer = await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, user.Email, "wrong password");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Body, Does.Contain("Invalid E-mail address or password.").And.Contain("name=\"password\""));
        Assert.That(answer.Body, Does.Contain($"value=\"{user.Email}\""));
        Assert.That(await GrantsOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task Denying_redirects_with_access_denied_and_creates_nothing()
    {
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read"));

        var answer = await OAuthFlow.SubmitAsync(Cluster.Api, page.Body, null, null, decision: "deny");

        Assert.That(answer.Status, Is.EqualTo(302));
        var query = OAuthFlow.RedirectQuery(answer);
        Assert.That(query["error"], Is.EqualTo("access_denied"));
        Assert.That(query["state"], Is.EqualTo("xyz"));
        Assert.That(await GrantsOfAsync(app), Is.Zero);
    }

    [Test]
    public async Task An_unknown_client_gets_an_error_page_not_a_redirect()
    {
        var response = await OAuthFlow.OpenAsync(Cluster.Api, new Dictionary<string, string?>
        {
            ["client_id"] = "no-such-client", ["redirect_uri"] = Callback, ["response_type"] = "code",
        });
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(response.Body, Does.Contain("invalid_client"));
    }

    [Test]
    public async Task An_unregistered_redirect_uri_gets_an_error_page_not_a_redirect()
    {
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var response = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, redirectUri: "https://attacker.example/cb"));
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(response.Body, Does.Contain("invalid_redirect_uri"));
    }

    [Test]
    public async Task Scopes_beyond_the_apps_are_refused_by_redirect()
    {
        var app = await Cluster.Users.RegisterAppAsync("read", Callback);
        var response = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read write"));
        Assert.That(response.Status, Is.EqualTo(302));
        var query = OAuthFlow.RedirectQuery(response);
        Assert.That(query["error"], Is.EqualTo("invalid_scope"));
        Assert.That(query["state"], Is.EqualTo("xyz"));
    }

    [Test]
    public async Task The_page_escapes_what_the_app_chose()
    {
        var name = $"<script>alert(1)</script> {RandomNames.Unique("x")}";
        var response = await Cluster.Api.PostFormAsync("/api/v1/apps", [
            new("client_name", name), new("redirect_uris", Callback), new("website", "https://evil.example/\"><b>x</b>")]);
        var clientId = response.EnsureSuccess().RequireJson().Text("client_id");

        var page = await OAuthFlow.OpenAsync(Cluster.Api, new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = Callback, ["response_type"] = "code", ["state"] = "\"><script>x</script>",
        });

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Body, Does.Not.Contain("<script>").And.Not.Contain("<b>x</b>"));
        Assert.That(page.Body, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(page.Header("Content-Security-Policy"), Does.Contain("frame-ancestors 'none'"));
    }

    /// <summary>Signs a new user in on the page of a new out-of-band app and reads the code it shows.</summary>
    private static async Task<(TestApp App, string Code)> AuthorizeOutOfBandAsync()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read");
        var page = await OAuthFlow.OpenAsync(Cluster.Api, Query(app, scope: "read", redirectUri: TestUsers.OutOfBand));
        var answer = await OAuthFlow.SubmitAsync(Cluster.Api, page.EnsureSuccess().Body, user.Email, user.Password);
        Assert.That(answer.Status, Is.EqualTo(200), answer.ToString());
        return (app, OAuthFlow.ShownCode(answer));
    }
}
