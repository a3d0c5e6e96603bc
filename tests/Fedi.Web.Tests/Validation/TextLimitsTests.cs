using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Validation;

/// <summary>
/// Every free-text input has a bound on what it stores: a value at the limit is accepted, one character more
/// is Mastodon's 422 "… is too long (maximum is N characters)" and writes nothing; a body over 1 MiB is a 413.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class TextLimitsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    /// <summary>One input: how to send a value of a given length, and how much the user has stored of that kind.</summary>
    public sealed record Field(string Name, int Limit, string Error, Func<int, string> Value,
        Func<TestUser, string, Task<ApiResponse>> Send, Func<TestUser, string, Task<long>> Stored)
    {
        public override string ToString() => Name;
    }

    private static Task<ApiResponse> Post(TestUser user, params (string Key, string Value)[] form) =>
        user.Client.PostFormAsync("/api/v1/statuses", form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static Task<long> Statuses(TestUser user, string _) => CountStatusRowsAsync(Cluster, user.AccountId);

    private static Task<long> Lists(TestUser user, string _) => Rows.CountAsync("SELECT count(*) FROM lists WHERE account_id = @id::bigint", new { id = user.AccountId });

    private static Task<long> Apps(TestUser _, string value) =>
        Rows.CountAsync("SELECT count(*) FROM oauth_applications WHERE name = @value OR redirect_uri = @value OR website = @value", new { value });

    /// <summary>A link of exactly <paramref name="length"/> characters.</summary>
    private static string Url(int length) => "https://long.example/" + new string('a', length - "https://long.example/".Length);

    /// <summary>Three links separated by spaces, <paramref name="length"/> characters in all: 71 as Mastodon counts them.</summary>
    private static string Links(int length)
    {
        var each = (length - 2) / 3;
        return $"{Url(each)} {Url(each)} {Url(length - 2 - 2 * each)}";
    }

    private static readonly Field[] Fields =
    [
        new("status text", 5_000, "Text is too long (maximum is 5000 characters)", Links, (u, v) => Post(u, ("status", v)), Statuses),
        new("content warning", 4_998, "Text is too long (maximum is 5000 characters)", Links,
            (u, v) => Post(u, ("status", "hi"), ("spoiler_text", v)), Statuses),
        new("link in a status", 2_000, "Link is too long (maximum is 2000 characters)", Url, (u, v) => Post(u, ("status", v)), Statuses),
        new("status language", 16, "Language is too long (maximum is 16 characters)", n => new string('e', n),
            (u, v) => Post(u, ("status", "hello"), ("language", v)), Statuses),
        new("list title", 256, "Title is too long (maximum is 256 characters)", n => new string('t', n),
            (u, v) => u.Client.PostFormAsync("/api/v1/lists", [new("title", v)]), Lists),
        new("list title on update", 256, "Title is too long (maximum is 256 characters)", n => new string('t', n), RenameListAsync,
            (u, v) => Rows.CountAsync("SELECT count(*) FROM lists WHERE account_id = @id::bigint AND title = @v", new { id = u.AccountId, v })),
        new("application name", 60, "Application name is too long (maximum is 60 characters)", n => RandomNames.Unique("app").PadRight(n, 'n'),
            (_, v) => Cluster.Api.PostFormAsync("/api/v1/apps", [new("client_name", v), new("redirect_uris", TestUsers.OutOfBand)]), Apps),
        new("redirect URI", 2_000, "Redirect URI is too long (maximum is 2000 characters)", Url,
            (_, v) => Cluster.Api.PostFormAsync("/api/v1/apps", [new("client_name", "app"), new("redirect_uris", v)]), Apps),
        new("application website", 2_000, "Application website is too long (maximum is 2000 characters)", Url,
            (_, v) => Cluster.Api.PostFormAsync("/api/v1/apps", [new("client_name", "app"), new("redirect_uris", TestUsers.OutOfBand), new("website", v)]), Apps),
        new("username", 30, "Username is too long (maximum is 30 characters)", n => TestUsers.NewUsername().PadRight(n, 'u'), (_, v) => SignUpAsync(v),
            (_, v) => Rows.CountAsync("SELECT count(*) FROM accounts WHERE username = @v", new { v })),
    ];

    [TestCaseSource(nameof(Fields))]
    public async Task A_value_at_the_limit_is_accepted(Field field)
    {
        var user = await Cluster.Users.SignUpAsync();
        var response = await field.Send(user, field.Value(field.Limit));
        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
    }

    [TestCaseSource(nameof(Fields))]
    public async Task A_value_one_character_over_the_limit_is_refused_and_nothing_is_stored(Field field)
    {
        var user = await Cluster.Users.SignUpAsync();
        var value = field.Value(field.Limit + 1);
        var before = await field.Stored(user, value);

        (await field.Send(user, value)).AssertError(422, $"Validation failed: {field.Error}");

        Assert.That(await field.Stored(user, value), Is.EqualTo(before));
    }

    [Test]
    public async Task A_status_carrying_a_link_of_three_thousand_characters_is_refused()
    {
        var user = await Cluster.Users.SignUpAsync();
        (await Post(user, ("status", $"look {Url(3_000)}"))).AssertError(422, "Validation failed: Link is too long (maximum is 2000 characters)");
        Assert.That(await CountStatusRowsAsync(Cluster, user.AccountId), Is.Zero);
    }

    [TestCase("form")]
    [TestCase("json")]
    public async Task A_body_over_one_mebibyte_is_refused_with_413(string encoding)
    {
        var user = await Cluster.Users.SignUpAsync();
        var text = new string('a', 1024 * 1024);
        // Expect: 100-continue lets the server refuse before the body is sent; without it the refusal can race the
        // upload and the client sees a reset connection instead of the 413 (as a browser would, behind nginx too).
        var request = new HttpRequestMessage(HttpMethod.Post, user.Client.Absolute("/api/v1/statuses"))
        {
            Content = encoding == "form"
                ? new FormUrlEncodedContent([new("status", text)])
                : new StringContent(System.Text.Json.JsonSerializer.Serialize(new { status = text }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await user.Client.SendAsync(request);
        response.AssertError(413, "Request body is too large");
        Assert.That(await CountStatusRowsAsync(Cluster, user.AccountId), Is.Zero);
    }

    private static async Task<ApiResponse> RenameListAsync(TestUser user, string title)
    {
        var id = Json(await user.Client.PostFormAsync("/api/v1/lists", [new("title", "short")])).Text("id");
        return await user.Client.PutAsync($"/api/v1/lists/{id}", new { title });
    }

    private static async Task<ApiResponse> SignUpAsync(string username)
    {
        var app = await Cluster.Users.RegisterAppAsync();
        var token = await Cluster.Users.ClientCredentialsTokenAsync(app);
        return await Cluster.Api.WithToken(token).PostFormAsync("/api/v1/accounts",
            [new("username", username), new("email", $"{username}@example.com"), new("password", "long enough password"), new("agreement", "true"), new("locale", "en")]);
    }
}
