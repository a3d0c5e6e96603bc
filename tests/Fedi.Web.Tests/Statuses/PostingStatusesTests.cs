using System.Net.Http.Headers;
using System.Text;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Statuses;

public sealed class PostingStatusesTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_posted_status_comes_back_as_html_with_its_mentions_and_tags()
    {
        var bob = await Cluster.Users.SignUpAsync();
        var alice = await Cluster.Users.SignUpAsync();

        var response = await alice.Client.PostFormAsync("/api/v1/statuses",
            [new("status", $"Hi @{bob.Username} <b>look</b> at https://example.com/a?b=c #FediTest"), new("language", "en")]);

        var status = Json(response);
        Assert.Multiple(() =>
        {
            Assert.That(status["account"]!["id"]!.GetValue<string>(), Is.EqualTo(alice.AccountId));
            Assert.That(status["visibility"]!.GetValue<string>(), Is.EqualTo("public"));
            Assert.That(status["language"]!.GetValue<string>(), Is.EqualTo("en"));
            Assert.That(status["content"]!.GetValue<string>(), Does.Contain("&lt;b&gt;look&lt;/b&gt;"));
            Assert.That(status["content"]!.GetValue<string>(), Does.Contain("<a href=\"https://example.com/a?b=c\""));
            Assert.That(status["content"]!.GetValue<string>(), Does.Contain("class=\"u-url mention\""));
            Assert.That(status["mentions"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(bob.AccountId));
            Assert.That(status["tags"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("feditest"));
            Assert.That(status["id"]!.GetValue<string>(), Does.Match("^[0-9]+$"));
        });
    }

    [Test]
    public async Task Json_and_multipart_bodies_are_accepted_like_forms()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var json = await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = "from json", visibility = "unlisted", sensitive = true });
        using var multipart = new MultipartFormDataContent { { new StringContent("from multipart"), "status" } };
        var viaMultipart = await alice.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, alice.Client.Absolute("/api/v1/statuses")) { Content = multipart });

        Assert.That(Json(json)["visibility"]!.GetValue<string>(), Is.EqualTo("unlisted"));
        Assert.That(Json(json)["sensitive"]!.GetValue<bool>(), Is.True);
        Assert.That(Json(viaMultipart)["content"]!.GetValue<string>(), Is.EqualTo("<p>from multipart</p>"));
    }

    [Test]
    public async Task Text_over_500_characters_is_refused_and_nothing_is_stored()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", new string('a', 501))]);

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(Error(response), Is.EqualTo("Validation failed: Text character limit of 500 exceeded"));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task A_long_link_counts_as_23_characters()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var text = new string('a', 470) + " https://example.com/" + new string('x', 200);

        var response = await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", text)]);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
    }

    [Test]
    public async Task Blank_text_and_unknown_visibility_are_refused_without_writing()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var blank = await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "   ")]);
        var badVisibility = await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "x"), new("visibility", "everyone")]);

        Assert.That(blank.Status, Is.EqualTo(422));
        Assert.That(Error(blank), Is.EqualTo("Validation failed: Text can't be blank"));
        Assert.That(badVisibility.Status, Is.EqualTo(422));
        Assert.That(Error(badVisibility), Does.Contain("everyone"));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task Malformed_json_is_a_400_and_nothing_is_stored()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, alice.Client.Absolute("/api/v1/statuses"))
        {
            Content = new StringContent("{\"status\": \"unterminated", Encoding.UTF8, "application/json"),
        };

        var response = await alice.Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(Error(response), Does.Contain("pars"));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task The_same_idempotency_key_posts_once()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        async Task<ApiResponse> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, alice.Client.Absolute("/api/v1/statuses"))
            {
                Content = new FormUrlEncodedContent([new("status", "only once")]),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await alice.Client.SendAsync(request);
        }

        var responses = await Task.WhenAll(Post(), Post(), Post());

        var ids = responses.Select(r => Json(r)["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.EqualTo(1));
    }

    [Test]
    public async Task Posting_needs_a_user_token_with_write_statuses()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var appToken = await Cluster.Users.ClientCredentialsTokenAsync(app);
        var readOnly = await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "read");
        KeyValuePair<string, string>[] form = [new("status", "hello")];

        var anonymous = await Cluster.Api.PostFormAsync("/api/v1/statuses", form);
        var bogus = await Cluster.Api.WithToken("not-a-token").PostFormAsync("/api/v1/statuses", form);
        var withReadScope = await Cluster.Api.WithToken(readOnly).PostFormAsync("/api/v1/statuses", form);
        var withAppToken = await Cluster.Api.WithToken(appToken).PostFormAsync("/api/v1/statuses", form);

        Assert.That((anonymous.Status, Error(anonymous)), Is.EqualTo((401, "The access token is invalid")));
        Assert.That((bogus.Status, Error(bogus)), Is.EqualTo((401, "The access token is invalid")));
        Assert.That((withReadScope.Status, Error(withReadScope)), Is.EqualTo((403, "This action is outside the authorized scopes")));
        Assert.That((withAppToken.Status, Error(withAppToken)), Is.EqualTo((422, "This method requires an authenticated user")));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task A_reply_records_its_parent_and_a_reply_to_an_unseen_status_is_not_found()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var parent = await PostAsync(alice, "parent");
        var hidden = await PostAsync(alice, "hidden", visibility: "direct");

        var reply = Json(await bob.Client.PostFormAsync("/api/v1/statuses", [new("status", "reply"), new("in_reply_to_id", parent)]));
        var toHidden = await bob.Client.PostFormAsync("/api/v1/statuses", [new("status", "reply"), new("in_reply_to_id", hidden)]);

        Assert.That(reply["in_reply_to_id"]!.GetValue<string>(), Is.EqualTo(parent));
        Assert.That(reply["in_reply_to_account_id"]!.GetValue<string>(), Is.EqualTo(alice.AccountId));
        Assert.That(toHidden.Status, Is.EqualTo(404));
        Assert.That(await CountStatusRowsAsync(Cluster, bob.AccountId), Is.EqualTo(1));
        var parentNow = Json(await alice.Client.GetAsync($"/api/v1/statuses/{parent}"));
        Assert.That(parentNow["replies_count"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_posting_account_counts_its_statuses()
    {
        var alice = await Cluster.Users.SignUpAsync();
        await PostAsync(alice, "one");
        await PostAsync(alice, "two");

        var account = Json(await alice.Client.GetAsync("/api/v1/accounts/verify_credentials"));

        Assert.That(account["statuses_count"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(account["last_status_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
    }
}
