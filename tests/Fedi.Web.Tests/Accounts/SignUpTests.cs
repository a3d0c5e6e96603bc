using System.Text;
using Fedi.Testing;

namespace Fedi.Web.Tests.Accounts;

/// <summary>POST /api/v1/accounts with an app token, as Mastodon apps sign people up.</summary>
public sealed class SignUpTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<ApiClient> AppClientAsync(string scopes = "read write follow push")
    {
        var app = await Cluster.Users.RegisterAppAsync("read write follow push");
        return Cluster.Api.WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app, scopes));
    }

    private static List<KeyValuePair<string, string>> Form(string username, string? email = null, string password = "correct horse battery", string? agreement = "true") =>
    [
        new("username", username), new("email", email ?? $"{username}@example.com"), new("password", password),
        .. agreement is null ? Array.Empty<KeyValuePair<string, string>>() : [new("agreement", agreement)], new("locale", "en"),
    ];

    private static Task<long> UsersWithEmailAsync(string email) => Rows.CountAsync("SELECT count(*) FROM users WHERE lower(email) = lower(@email)", new { email });

    private static Task<long> AccountsNamedAsync(string username) =>
        Rows.CountAsync("SELECT count(*) FROM accounts WHERE lower(username) = lower(@username)", new { username });

    [Test]
    public async Task Signing_up_returns_a_token_with_the_apps_scopes_that_works_at_once()
    {
        var username = TestUsers.NewUsername();
        var response = await (await AppClientAsync("write:accounts")).PostFormAsync("/api/v1/accounts", Form(username));

        var token = response.EnsureSuccess().RequireJson();
        Assert.That(token.Text("token_type"), Is.EqualTo("Bearer"));
        Assert.That(token.Text("scope"), Is.EqualTo("read write follow push"));
        var me = (await Cluster.Api.WithToken(token.Text("access_token")).GetAsync("/api/v1/accounts/verify_credentials")).EnsureSuccess().RequireJson();
        Assert.That(me.Text("username"), Is.EqualTo(username));
        Assert.That(me["source"]!.Text("language"), Is.EqualTo("en"));
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM account_stats s JOIN accounts a ON a.id = s.account_id WHERE a.username = @username", new { username }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_taken_username_is_refused_whatever_its_case()
    {
        var taken = await Cluster.Users.SignUpAsync();
        var email = $"{TestUsers.NewUsername()}@example.com";

        var response = await (await AppClientAsync()).PostFormAsync("/api/v1/accounts", Form(taken.Username.ToUpperInvariant(), email));

        response.AssertError(422, "Validation failed: Username has already been taken");
        Assert.That(response.Json!["details"]!["username"]![0]!.Text("error"), Is.EqualTo("ERR_TAKEN"));
        Assert.That(response.Json!["details"]!["username"]![0]!.Text("description"), Is.EqualTo("has already been taken"));
        Assert.That(await UsersWithEmailAsync(email), Is.Zero);
        Assert.That(await AccountsNamedAsync(taken.Username), Is.EqualTo(1));
    }

    [Test]
    public async Task A_taken_email_is_refused_whatever_its_case()
    {
        var taken = await Cluster.Users.SignUpAsync();
        var username = TestUsers.NewUsername();

        var response = await (await AppClientAsync()).PostFormAsync("/api/v1/accounts", Form(username, taken.Email.ToUpperInvariant()));

        response.AssertError(422, "Validation failed: E-mail address has already been taken");
        Assert.That(response.Json!["details"]!["email"]![0]!.Text("error"), Is.EqualTo("ERR_TAKEN"));
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }

    [TestCase("bad-name!", "Validation failed: Username must contain only letters, numbers and underscores", "username", "ERR_INVALID")]
    [TestCase("", "Validation failed: Username can't be blank", "username", "ERR_BLANK")]
    [TestCase("a_name_that_is_much_too_long_for_mastodon", "Validation failed: Username is too long (maximum is 30 characters)", "username", "ERR_TOO_LONG")]
    public async Task A_bad_username_is_refused(string username, string error, string field, string code)
    {
        var email = $"{TestUsers.NewUsername()}@example.com";
        var response = await (await AppClientAsync()).PostFormAsync("/api/v1/accounts", Form(username, email));

        response.AssertError(422, error);
        Assert.That(response.Json!["details"]![field]![0]!.Text("error"), Is.EqualTo(code));
        Assert.That(await UsersWithEmailAsync(email), Is.Zero);
    }

    [Test]
    public async Task A_short_password_is_refused()
    {
        var username = TestUsers.NewUsername();
        var response = await (await AppClientAsync()).PostFormAsync("/api/v1/accounts", Form(username, password: "short"));
        response.AssertError(422, "Validation failed: Password is too short (minimum is 8 characters)");
        Assert.That(response.Json!["details"]!["password"]![0]!.Text("error"), Is.EqualTo("ERR_TOO_SHORT"));
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }

    [TestCase(null)]
    [TestCase("false")]
    [TestCase("0")]
    public async Task The_agreement_must_be_accepted(string? agreement)
    {
        var username = TestUsers.NewUsername();
        var response = await (await AppClientAsync()).PostFormAsync("/api/v1/accounts", Form(username, agreement: agreement));
        response.AssertError(422, "Validation failed: Service agreement must be accepted");
        Assert.That(response.Json!["details"]!["agreement"]![0]!.Text("error"), Is.EqualTo("ERR_ACCEPTED"));
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }

    [Test]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var response = await (await AppClientAsync()).PostJsonAsync("/api/v1/accounts", new { username = "no good", email = "nope", password = "x", agreement = false });
        response.AssertError(422, "Validation failed: Username must contain only letters, numbers and underscores, E-mail address is invalid, "
                                  + "Password is too short (minimum is 8 characters), Service agreement must be accepted");
        Assert.That(response.Json!["details"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "username", "email", "password", "agreement" }));
    }

    [Test]
    public async Task An_app_token_without_write_accounts_may_not_sign_up()
    {
        var username = TestUsers.NewUsername();
        var response = await (await AppClientAsync("read")).PostFormAsync("/api/v1/accounts", Form(username));
        response.AssertError(403, "This action is outside the authorized scopes");
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }

    [Test]
    public async Task A_user_token_or_no_token_may_not_sign_up()
    {
        var user = await Cluster.Users.SignUpAsync();
        var username = TestUsers.NewUsername();
        (await user.Client.PostFormAsync("/api/v1/accounts", Form(username))).AssertError(403, "This method requires an client credentials authentication");
        (await Cluster.Api.PostFormAsync("/api/v1/accounts", Form(username))).AssertError(401, "The access token is invalid");
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }

    [TestCase("application/json", "{\"username\": \"{0}\", \"email\": ")]
    [TestCase("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n{0}")]
    public async Task A_malformed_body_is_a_bad_request_and_creates_nothing(string contentType, string body)
    {
        var username = TestUsers.NewUsername();
        var client = await AppClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, client.Absolute("/api/v1/accounts"))
        {
            Content = new StringContent(body.Replace("{0}", username), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(400), response.ToString());
        Assert.That(response.Json?["error"]?.GetValue<string>(), Does.StartWith("Error occurred while parsing request parameters"));
        Assert.That(await AccountsNamedAsync(username), Is.Zero);
    }
}
