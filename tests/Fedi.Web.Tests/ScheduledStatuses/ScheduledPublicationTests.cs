using System.Globalization;
using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.ScheduledStatuses;

/// <summary>Publication at the time, watched within seconds on an instance whose test-only setting allows a one-second lead.</summary>
public sealed class ScheduledPublicationTests
{
    private FediCluster? _cluster;
    private FediCluster Cluster => _cluster ?? throw new InvalidOperationException("The short-schedule instance did not start");

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await FediCluster.StartAsync(WebCluster.Postgres, WebCluster.Redis, new FediClusterOptions
    {
        Tiers = FediTiers.Web | FediTiers.Worker,
        ExtraEnvironment = new Dictionary<string, string> { ["DEV_ONLY_SCHEDULED_MIN_LEAD"] = "1" },
    });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private static async Task<JsonNode?> HomeStatusAsync(TestUser reader, string text) =>
        (await reader.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray()
            .FirstOrDefault(s => s.Text("content").Contains(text, StringComparison.Ordinal));

    [Test]
    public async Task A_scheduled_status_with_a_poll_is_published_on_time_into_the_followers_home_timeline()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await FollowAsync(bob, alice);
        var at = DateTime.UtcNow.AddSeconds(3);
        var scheduled = Json(await alice.Client.PostFormAsync("/api/v1/statuses",
        [
            new("status", "published by the worker"), new("scheduled_at", at.ToString("o", CultureInfo.InvariantCulture)),
            new("poll[options][]", "yes"), new("poll[options][]", "no"), new("poll[expires_in]", "3600"),
        ]));
        Assert.That(scheduled["params"]!["poll"]!["options"]!.AsArray().Count, Is.EqualTo(2));
        Assert.That(await HomeStatusAsync(bob, "published by the worker"), Is.Null);

        var published = await Eventually.ValueAsync(() => HomeStatusAsync(bob, "published by the worker"), "the scheduled status in bob's home");

        Assert.That(DateTime.UtcNow, Is.GreaterThanOrEqualTo(at.AddMilliseconds(-500)));
        Assert.That(DateTime.Parse(published.Text("created_at"), CultureInfo.InvariantCulture).ToUniversalTime(), Is.EqualTo(at).Within(TimeSpan.FromSeconds(5)));
        Assert.That(published["poll"]!["options"]!.AsArray().Select(o => o.Text("title")), Is.EqualTo(new[] { "yes", "no" }));
        // As Mastodon's PublishScheduledStatusWorker, the row goes once the post is made, so a reader can be in between.
        await Eventually.TrueAsync(async () => Ids(await alice.Client.GetAsync("/api/v1/scheduled_statuses")).Count == 0,
            "the published status left the scheduled list");
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.EqualTo(1));
    }
}
