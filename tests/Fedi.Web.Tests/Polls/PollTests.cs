using Fedi.Testing;
using static Fedi.Web.Tests.Polls.PollFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Polls;

public sealed class PollTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_status_posted_with_a_poll_carries_the_poll_entity()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var status = await CreatePollAsync(alice, expiresIn: 3600, multiple: true);
        var poll = status["poll"]!;

        Assert.That(poll.Text("id"), Is.Not.Empty);
        Assert.That(poll["multiple"]!.GetValue<bool>(), Is.True);
        Assert.That(poll["expired"]!.GetValue<bool>(), Is.False);
        Assert.That(DateTime.Parse(poll.Text("expires_at"), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
            Is.EqualTo(DateTime.UtcNow.AddHours(1)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(poll["options"]!.AsArray().Select(o => o.Text("title")), Is.EqualTo(new[] { "tea", "coffee", "water" }));
        Assert.That(OptionCounts(poll), Is.EqualTo(new long[] { 0, 0, 0 }));
        Assert.That(poll["votes_count"]!.GetValue<long>(), Is.Zero);
        Assert.That(poll["voters_count"]!.GetValue<long>(), Is.Zero);
        Assert.That(poll["emojis"]!.AsArray(), Is.Empty);
        Assert.That(poll["voted"]!.GetValue<bool>(), Is.True, "Mastodon counts the author as having voted");
        Assert.That(poll["own_votes"]!.AsArray(), Is.Empty);

        var anonymous = Json(await Cluster.Api.GetAsync($"/api/v1/polls/{poll.Text("id")}"));
        Assert.That(anonymous.AsObject().ContainsKey("voted"), Is.False);
        Assert.That(Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{status.Text("id")}"))["poll"].Text("id"), Is.EqualTo(poll.Text("id")));
    }

    [Test]
    public async Task A_poll_can_be_posted_as_json()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var status = Json(await alice.Client.PostJsonAsync("/api/v1/statuses", new
        {
            status = "json poll", poll = new { options = new[] { "yes", "no" }, expires_in = 300, hide_totals = true },
        }));

        Assert.That(status["poll"]!["options"]!.AsArray().Select(o => o.Text("title")), Is.EqualTo(new[] { "yes", "no" }));
        Assert.That(status["poll"]!["options"]![0]!["votes_count"], Is.Null, "hidden totals while the poll runs");
    }

    [TestCase(new[] { "only" }, 600, "Validation failed: Poll options must have more than one item")]
    [TestCase(new[] { "a", "b", "c", "d", "e" }, 600, "Validation failed: Poll options can't contain more than 4 items")]
    [TestCase(new[] { "a", "a" }, 600, "Validation failed: Poll options contain duplicate items")]
    [TestCase(new[] { "a", "b" }, 299, "Validation failed: Poll expires at is too soon")]
    [TestCase(new[] { "a", "b" }, 2_629_747, "Validation failed: Poll expires at is too far into the future")]
    public async Task A_poll_outside_Mastodons_limits_is_refused(string[] options, int expiresIn, string error)
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await PostPollAsync(alice, options, expiresIn);

        Assert.That(response.Status, Is.EqualTo(422), response.ToString());
        Assert.That(Error(response), Is.EqualTo(error));
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task An_option_over_fifty_characters_is_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await PostPollAsync(alice, ["short", new string('x', 51)]);

        Assert.That(Error(response), Is.EqualTo("Validation failed: Poll options cannot be longer than 50 characters each"));
    }

    [Test]
    public async Task A_vote_counts_and_shows_as_the_voters_own()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var pollId = (await CreatePollAsync(alice))["poll"].Text("id");

        var voted = Json(await VoteAsync(bob, pollId, 1));

        Assert.That(OptionCounts(voted), Is.EqualTo(new long[] { 0, 1, 0 }));
        Assert.That(voted["voted"]!.GetValue<bool>(), Is.True);
        Assert.That(voted["own_votes"]!.AsArray().Select(v => v!.GetValue<int>()), Is.EqualTo(new[] { 1 }));
        var seenByAlice = Json(await alice.Client.GetAsync($"/api/v1/polls/{pollId}"));
        Assert.That(seenByAlice["votes_count"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(seenByAlice["own_votes"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Voting_twice_in_one_poll_is_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var pollId = (await CreatePollAsync(alice, multiple: true))["poll"].Text("id");
        (await VoteAsync(bob, pollId, 0)).EnsureSuccess();

        var again = await VoteAsync(bob, pollId, 2);

        Assert.That(again.Status, Is.EqualTo(422));
        Assert.That(Error(again), Is.EqualTo("Validation failed: You have already voted on this poll"));
        Assert.That(OptionCounts(Json(await bob.Client.GetAsync($"/api/v1/polls/{pollId}"))), Is.EqualTo(new long[] { 1, 0, 0 }));
    }

    [Test]
    public async Task Several_choices_need_a_multiple_choice_poll()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var single = (await CreatePollAsync(alice))["poll"].Text("id");
        var multiple = (await CreatePollAsync(alice, multiple: true))["poll"].Text("id");

        var refused = await VoteAsync(bob, single, 0, 1);
        var accepted = Json(await VoteAsync(bob, multiple, 0, 2));

        Assert.That(refused.Status, Is.EqualTo(422));
        Assert.That(OptionCounts(accepted), Is.EqualTo(new long[] { 1, 0, 1 }));
        Assert.That(accepted["votes_count"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(accepted["voters_count"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_votes_are_refused_with_Mastodons_messages()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var pollId = (await CreatePollAsync(alice))["poll"].Text("id");

        Assert.That(Error(await VoteAsync(alice, pollId, 0)), Is.EqualTo("Validation failed: You cannot vote in your own polls"));
        Assert.That(Error(await VoteAsync(bob, pollId, 7)), Is.EqualTo("Validation failed: The chosen vote option does not exist"));
        Assert.That((await bob.Client.PostFormAsync($"/api/v1/polls/{pollId}/votes", [])).Status, Is.EqualTo(400));
        Assert.That((await VoteAsync(bob, "999999999", 0)).Status, Is.EqualTo(404));
        Assert.That((await Cluster.Api.PostFormAsync($"/api/v1/polls/{pollId}/votes", [new("choices[]", "0")])).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_poll_on_a_status_the_reader_cannot_see_is_not_found()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var pollId = (await PostPollAsync(alice, ["a", "b"], visibility: "private")).EnsureSuccess().RequireJson()["poll"].Text("id");

        Assert.That((await bob.Client.GetAsync($"/api/v1/polls/{pollId}")).Status, Is.EqualTo(404));
        Assert.That((await VoteAsync(bob, pollId, 0)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Twenty_voters_at_once_are_all_counted()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var voters = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Cluster.Users.SignUpAsync()));
        var pollId = (await CreatePollAsync(alice, multiple: true))["poll"].Text("id");

        var responses = await Task.WhenAll(voters.Select((v, i) => i % 2 == 0 ? VoteAsync(v, pollId, 0, 1) : VoteAsync(v, pollId, 1)));

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(200));
        var poll = Json(await alice.Client.GetAsync($"/api/v1/polls/{pollId}"));
        Assert.That(OptionCounts(poll), Is.EqualTo(new long[] { 10, 20, 0 }));
        Assert.That(poll["votes_count"]!.GetValue<long>(), Is.EqualTo(30));
        Assert.That(poll["voters_count"]!.GetValue<long>(), Is.EqualTo(20));
    }

    [Test]
    public async Task A_timeline_page_shows_each_readers_own_votes()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var status = await CreatePollAsync(alice);
        (await VoteAsync(bob, status["poll"].Text("id"), 2)).EnsureSuccess();

        var page = Json(await bob.Client.GetAsync($"/api/v1/accounts/{alice.AccountId}/statuses"));

        var poll = page.AsArray().Single(s => s.Text("id") == status.Text("id"))!["poll"]!;
        Assert.That(poll["own_votes"]!.AsArray().Select(v => v!.GetValue<int>()), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task Editing_the_options_of_a_poll_resets_its_votes_and_an_edit_without_a_poll_removes_it()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var status = await CreatePollAsync(alice);
        (await VoteAsync(bob, status["poll"].Text("id"), 0)).EnsureSuccess();

        var edited = Json(await alice.Client.PutAsync($"/api/v1/statuses/{status.Text("id")}", new
        {
            status = "Which one?", poll = new { options = new[] { "tea", "juice" }, expires_in = 600 },
        }));
        var dropped = Json(await alice.Client.PutAsync($"/api/v1/statuses/{status.Text("id")}", new { status = "No poll after all" }));

        Assert.That(edited["poll"]!["options"]!.AsArray().Select(o => o.Text("title")), Is.EqualTo(new[] { "tea", "juice" }));
        Assert.That(OptionCounts(edited["poll"]!), Is.EqualTo(new long[] { 0, 0 }));
        Assert.That(edited["poll"]!["voters_count"]!.GetValue<long>(), Is.Zero);
        Assert.That(dropped["poll"], Is.Null);
    }
}
