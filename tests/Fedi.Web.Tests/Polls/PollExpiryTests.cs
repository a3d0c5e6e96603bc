using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Polls.PollFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Polls;

/// <summary>A poll's end, watched within seconds on an instance whose test-only setting allows a one-second poll.</summary>
public sealed class PollExpiryTests
{
    private FediCluster? _cluster;
    private FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The short-poll instance did not start");

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await FediCluster.StartAsync(WebCluster.Postgres, WebCluster.Redis, new FediClusterOptions
    {
        Tiers = FediTiers.Web | FediTiers.Worker,
        ExtraEnvironment = new Dictionary<string, string> { ["DEV_ONLY_POLL_MIN_EXPIRES_IN"] = "1" },
    });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private static async Task<JsonNode?> PollNotificationAsync(TestUser user, string statusId) =>
        (await user.Client.GetAsync("/api/v1/notifications")).EnsureSuccess().RequireJson().AsArray()
            .FirstOrDefault(n => n.Text("type") == "poll" && n!["status"].Text("id") == statusId);

    [Test]
    public async Task An_ended_poll_is_closed_and_its_voters_and_author_are_notified()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var status = await CreatePollAsync(alice, expiresIn: 3, hideTotals: true);
        var pollId = status["poll"].Text("id");
        (await VoteAsync(bob, pollId, 0)).EnsureSuccess();

        var toBob = await Eventually.ValueAsync(() => PollNotificationAsync(bob, status.Text("id")), "bob's poll notification");
        var toAlice = await Eventually.ValueAsync(() => PollNotificationAsync(alice, status.Text("id")), "alice's poll notification");

        Assert.That(toBob["account"].Text("id"), Is.EqualTo(alice.AccountId));
        Assert.That(toAlice["account"].Text("id"), Is.EqualTo(alice.AccountId));
        Assert.That(toBob["status"]!["poll"]!["expired"]!.GetValue<bool>(), Is.True);
        var closed = Json(await bob.Client.GetAsync($"/api/v1/polls/{pollId}"));
        Assert.That(OptionCounts(closed), Is.EqualTo(new long[] { 1, 0, 0 }), "totals show once the poll has ended");
        var late = await VoteAsync(await Cluster.Users.SignUpAsync(), pollId, 1);
        Assert.That(Error(late), Is.EqualTo("Validation failed: The poll has already ended"));
    }
}
