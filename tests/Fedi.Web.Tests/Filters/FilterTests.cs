using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Filters.FilterFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Filters;

public sealed class FilterTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<(TestUser Reader, TestUser Author)> ReaderFollowingAuthorAsync()
    {
        var reader = await Cluster.Users.SignUpAsync();
        var author = await Cluster.Users.SignUpAsync();
        await FollowAsync(reader, author);
        return (reader, author);
    }

    [Test]
    public async Task A_filter_is_created_listed_changed_and_deleted_with_its_keywords()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var created = Json(await CreateFilterAsync(alice, "Spoilers", "warn", ["home", "public"], ("finale", true), ("plot twist", false)));
        var id = created.Text("id");
        Assert.That(created.Text("title"), Is.EqualTo("Spoilers"));
        Assert.That(created["context"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "home", "public" }));
        Assert.That(created.Text("filter_action"), Is.EqualTo("warn"));
        Assert.That(created["expires_at"], Is.Null);
        var keywords = created["keywords"]!.AsArray();
        Assert.That(keywords.Select(k => k.Text("keyword")), Is.EqualTo(new[] { "finale", "plot twist" }));
        Assert.That(keywords[1]!["whole_word"]!.GetValue<bool>(), Is.False);
        Assert.That(created["statuses"]!.AsArray(), Is.Empty);

        var updated = Json(await alice.Client.PutAsync($"/api/v2/filters/{id}", new
        {
            title = "TV", filter_action = "hide", expires_in = 3600,
            keywords_attributes = new object[] { new { id = keywords[0].Text("id"), _destroy = true }, new { keyword = "episode" } },
        }));
        Assert.That(updated.Text("title"), Is.EqualTo("TV"));
        Assert.That(updated.Text("filter_action"), Is.EqualTo("hide"));
        Assert.That(updated["expires_at"], Is.Not.Null);
        Assert.That(updated["keywords"]!.AsArray().Select(k => k.Text("keyword")), Is.EqualTo(new[] { "plot twist", "episode" }));

        Assert.That(Json(await alice.Client.GetAsync("/api/v2/filters")).AsArray().Select(f => f.Text("id")), Is.EqualTo(new[] { id }));
        Assert.That(Json(await alice.Client.GetAsync($"/api/v2/filters/{id}")).Text("title"), Is.EqualTo("TV"));
        var bob = await Cluster.Users.SignUpAsync();
        Assert.That((await bob.Client.GetAsync($"/api/v2/filters/{id}")).Status, Is.EqualTo(404));
        Assert.That((await bob.Client.DeleteAsync($"/api/v2/filters/{id}")).Status, Is.EqualTo(404));

        Json(await alice.Client.DeleteAsync($"/api/v2/filters/{id}"));
        Assert.That((await alice.Client.GetAsync($"/api/v2/filters/{id}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task A_filter_without_title_or_with_an_unknown_context_is_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var untitled = await CreateFilterAsync(alice, "", "warn", ["home"]);
        var badContext = await CreateFilterAsync(alice, "x", "warn", ["kitchen"]);
        var badAction = await CreateFilterAsync(alice, "x", "explode", ["home"]);

        Assert.That(untitled.Status, Is.EqualTo(422));
        Assert.That(Error(untitled), Does.Contain("Title can't be blank"));
        Assert.That(badContext.Status, Is.EqualTo(422));
        Assert.That(badAction.Status, Is.EqualTo(422));
        Assert.That((await Cluster.Api.GetAsync("/api/v2/filters")).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Keywords_and_statuses_are_managed_one_at_a_time()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var filterId = Json(await CreateFilterAsync(alice, "one by one", "warn", ["home"])).Text("id");
        var post = await PostAsync(bob, "filter me");

        var keyword = Json(await alice.Client.PostFormAsync($"/api/v2/filters/{filterId}/keywords", [new("keyword", "cats"), new("whole_word", "false")]));
        var changed = Json(await alice.Client.PutAsync($"/api/v2/filters/keywords/{keyword.Text("id")}", new { keyword = "dogs" }));
        var status = Json(await alice.Client.PostFormAsync($"/api/v2/filters/{filterId}/statuses", [new("status_id", post)]));

        Assert.That(changed.Text("keyword"), Is.EqualTo("dogs"));
        Assert.That(changed["whole_word"]!.GetValue<bool>(), Is.False);
        Assert.That(Json(await alice.Client.GetAsync($"/api/v2/filters/{filterId}/keywords")).AsArray().Select(k => k.Text("keyword")), Is.EqualTo(new[] { "dogs" }));
        Assert.That(status.Text("status_id"), Is.EqualTo(post));
        Assert.That(Json(await alice.Client.GetAsync($"/api/v2/filters/statuses/{status.Text("id")}")).Text("status_id"), Is.EqualTo(post));
        Assert.That((await alice.Client.PostFormAsync($"/api/v2/filters/{filterId}/statuses", [new("status_id", post)])).Status, Is.EqualTo(422));
        Assert.That((await bob.Client.GetAsync($"/api/v2/filters/keywords/{keyword.Text("id")}")).Status, Is.EqualTo(404));

        Json(await alice.Client.DeleteAsync($"/api/v2/filters/keywords/{keyword.Text("id")}"));
        Json(await alice.Client.DeleteAsync($"/api/v2/filters/statuses/{status.Text("id")}"));
        var filter = Json(await alice.Client.GetAsync($"/api/v2/filters/{filterId}"));
        Assert.That(filter["keywords"]!.AsArray(), Is.Empty);
        Assert.That(filter["statuses"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_warn_filter_marks_matching_statuses_in_its_contexts_only()
    {
        var (reader, author) = await ReaderFollowingAuthorAsync();
        var filterId = Json(await CreateFilterAsync(reader, "Sports", "warn", ["home"], ("football", true))).Text("id");
        var match = await PostAsync(author, "The FOOTBALL match was great");
        var other = await PostAsync(author, "Nothing to see");

        var home = await Eventually.ValueAsync(() => InHomeAsync(reader, match), "the post in the reader's home");
        var filtered = home["filtered"]!.AsArray();

        Assert.That(filtered, Has.Count.EqualTo(1));
        Assert.That(filtered[0]!["filter"].Text("id"), Is.EqualTo(filterId));
        Assert.That(filtered[0]!["filter"]!.AsObject().ContainsKey("keywords"), Is.False);
        Assert.That(filtered[0]!["keyword_matches"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { "FOOTBALL" }));
        Assert.That((await InHomeAsync(reader, other))!["filtered"]!.AsArray(), Is.Empty);
        var onProfile = Json(await reader.Client.GetAsync($"/api/v1/accounts/{author.AccountId}/statuses")).AsArray().First(s => s.Text("id") == match);
        Assert.That(onProfile!["filtered"]!.AsArray(), Is.Empty, "the filter is for home only");
        var mine = await PostAsync(reader, "my own football post");
        Assert.That((await Eventually.ValueAsync(() => InHomeAsync(reader, mine), "own post"))["filtered"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_hide_filter_removes_matching_statuses_from_home_and_the_profile()
    {
        var (reader, author) = await ReaderFollowingAuthorAsync();
        Json(await CreateFilterAsync(reader, "No politics", "hide", ["home", "account"], ("election", true)));
        var hidden = await PostAsync(author, "Vote in the election!");
        var shown = await PostAsync(author, "A cat picture");

        await Eventually.ValueAsync(() => InHomeAsync(reader, shown), "the unfiltered post in home");

        Assert.That(await InHomeAsync(reader, hidden), Is.Null);
        Assert.That(Ids(await reader.Client.GetAsync($"/api/v1/accounts/{author.AccountId}/statuses")), Is.EqualTo(new[] { shown }));
        Assert.That(Ids(await author.Client.GetAsync($"/api/v1/accounts/{author.AccountId}/statuses")), Is.EqualTo(new[] { shown, hidden }));
    }

    [Test]
    public async Task A_whole_word_keyword_matches_only_whole_words_and_a_partial_one_inside_words()
    {
        var (reader, author) = await ReaderFollowingAuthorAsync();
        Json(await CreateFilterAsync(reader, "whole", "warn", ["home"], ("cat", true)));
        Json(await CreateFilterAsync(reader, "partial", "warn", ["home"], ("dog", false)));
        var inside = await PostAsync(author, "concatenate hotdogs");
        var whole = await PostAsync(author, "My Cat! is here");

        var insideSeen = await Eventually.ValueAsync(() => InHomeAsync(reader, inside), "the post in home");
        var wholeSeen = await Eventually.ValueAsync(() => InHomeAsync(reader, whole), "the post in home");

        Assert.That(insideSeen["filtered"]!.AsArray().Select(f => f!["filter"].Text("title")), Is.EqualTo(new[] { "partial" }));
        Assert.That(wholeSeen["filtered"]!.AsArray().Select(f => f!["filter"].Text("title")), Is.EqualTo(new[] { "whole" }));
    }

    [Test]
    public async Task An_expired_filter_no_longer_applies()
    {
        var (reader, author) = await ReaderFollowingAuthorAsync();
        var filterId = Json(await CreateFilterAsync(reader, "brief", "hide", ["home"], ("ephemeral", true))).Text("id");
        Json(await reader.Client.PutAsync($"/api/v2/filters/{filterId}", new { expires_in = 1 }));
        var post = await PostAsync(author, "an ephemeral thought");
        await Task.Delay(1500);

        var seen = await Eventually.ValueAsync(() => InHomeAsync(reader, post), "the post once the filter expired");

        Assert.That(seen["filtered"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task The_v1_endpoints_show_each_keyword_as_a_filter()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var created = Json(await alice.Client.PostFormAsync("/api/v1/filters",
            [new("phrase", "spoiler"), new("context[]", "home"), new("context[]", "thread"), new("irreversible", "true"), new("whole_word", "false")]));
        var id = created.Text("id");
        Assert.That(created.Text("phrase"), Is.EqualTo("spoiler"));
        Assert.That(created["irreversible"]!.GetValue<bool>(), Is.True);
        Assert.That(created["whole_word"]!.GetValue<bool>(), Is.False);
        Assert.That(created["context"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "home", "thread" }));

        var updated = Json(await alice.Client.PutAsync($"/api/v1/filters/{id}", new { phrase = "leak", context = new[] { "public" }, irreversible = false }));
        Assert.That(updated.Text("phrase"), Is.EqualTo("leak"));
        Assert.That(updated["irreversible"]!.GetValue<bool>(), Is.False);
        Assert.That(Json(await alice.Client.GetAsync("/api/v1/filters")).AsArray().Select(f => f.Text("phrase")), Is.EqualTo(new[] { "leak" }));
        Assert.That(Json(await alice.Client.GetAsync("/api/v2/filters"))[0]!.Text("filter_action"), Is.EqualTo("warn"));

        Json(await alice.Client.DeleteAsync($"/api/v1/filters/{id}"));
        Assert.That((await alice.Client.GetAsync($"/api/v1/filters/{id}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task A_change_to_filters_is_published_as_filters_changed_on_the_users_channel()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var messages = new ConcurrentQueue<string>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal($"{Cluster.RedisNamespace}:timeline:{alice.AccountId}"),
            (_, message) => messages.Enqueue((string)message!));

        Json(await CreateFilterAsync(alice, "x", "warn", ["home"], ("y", true)));

        await Eventually.TrueAsync(() => Task.FromResult(messages.Any(m => JsonNode.Parse(m)!["event"]!.GetValue<string>() == "filters_changed")),
            "a filters_changed event");
    }
}
