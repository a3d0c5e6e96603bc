using Fedi.Testing;

namespace Fedi.Web.Tests.RateLimits;

public sealed partial class ThrottleTests
{
    [Test]
    public async Task A_third_sign_up_from_one_address_is_refused()
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var client = NewClient().WithToken(await Cluster.Users.ClientCredentialsTokenAsync(app));

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= SignUpLimit; i++) answers.Add(await client.PostFormAsync("/api/v1/accounts", SignUpForm(TestUsers.NewUsername())));

        Assert.That(answers.Take(SignUpLimit).Select(a => a.Status), Is.All.EqualTo(200), string.Join("\n", answers));
        answers[SignUpLimit].AssertThrottled(SignUpLimit);
    }

    [Test]
    public async Task A_third_app_registration_from_one_address_is_refused()
    {
        var client = NewClient();

        var last = await RepeatAsync(AppLimit + 1, () => client.PostFormAsync("/api/v1/apps",
            [new("client_name", "spam"), new("redirect_uris", TestUsers.OutOfBand), new("scopes", "read")]));

        last.AssertThrottled(AppLimit);
    }

    [Test]
    public async Task After_three_wrong_passwords_from_one_address_even_a_right_one_is_refused_there()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var attacker = NewClient();
        for (var i = 0; i < LoginLimit; i++)
            (await attacker.PostFormAsync("/oauth/token", PasswordGrant(app, $"{TestUsers.NewUsername()}@example.com", "guess"))).AssertOAuthError(400, "invalid_grant");

        var fromAttacker = await attacker.PostFormAsync("/oauth/token", PasswordGrant(app, user.Email, user.Password));
        var fromElsewhere = await NewClient().PostFormAsync("/oauth/token", PasswordGrant(app, user.Email, user.Password));

        fromAttacker.AssertThrottled(LoginLimit);
        Assert.That(fromElsewhere.Status, Is.EqualTo(200), fromElsewhere.ToString());
    }

    [Test]
    public async Task After_three_wrong_passwords_for_an_account_from_anywhere_its_right_password_is_refused()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        for (var i = 0; i < LoginLimit; i++)
            (await NewClient().PostFormAsync("/oauth/token", PasswordGrant(app, user.Email.ToUpperInvariant(), "guess"))).AssertOAuthError(400, "invalid_grant");

        var rightPassword = await NewClient().PostFormAsync("/oauth/token", PasswordGrant(app, user.Email, user.Password));

        rightPassword.AssertThrottled(LoginLimit);
    }

    [Test]
    public async Task Wrong_passwords_in_the_sign_in_form_count_against_the_account_too()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        for (var i = 0; i < LoginLimit; i++)
            Assert.That((await NewClient().PostFormAsync("/oauth/authorize", SignInForm(app, user.Email, "guess"))).Status, Is.EqualTo(200));

        var rightPassword = await NewClient().PostFormAsync("/oauth/authorize", SignInForm(app, user.Email, user.Password));

        rightPassword.AssertThrottled(LoginLimit);
    }

    private static KeyValuePair<string, string>[] SignUpForm(string username) =>
        [new("username", username), new("email", $"{username}@example.com"), new("password", "correct horse battery"), new("agreement", "true")];

    private static KeyValuePair<string, string>[] PasswordGrant(TestApp app, string email, string password) =>
    [
        new("grant_type", "password"), new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
        new("username", email), new("password", password), new("scope", "read"),
    ];

    private static KeyValuePair<string, string>[] SignInForm(TestApp app, string email, string password) =>
    [
        new("client_id", app.ClientId), new("redirect_uri", app.RedirectUri), new("response_type", "code"), new("scope", "read"),
        new("email", email), new("password", password), new("decision", "authorize"),
    ];
}
