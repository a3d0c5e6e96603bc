using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// Deliveries to a peer that is away are retried with the delivery backoff and count as a failure day for its domain;
/// a domain marked unavailable gets nothing until it sends a signed request, which makes it available again.
/// </summary>
[NonParallelizable]
public sealed class DeliveryHealthTests : FederatingFixture
{
    private static async Task<string> PostAsync(TestUser user, string text) =>
        (await user.Client.PostJsonAsync("/api/v1/statuses", new { status = text })).EnsureSuccess().RequireJson().Text("id");

    /// <summary>HostCircuits.Failures: refused attempts in a minute that open a host's circuit.</summary>
    private const int HostCircuitFailures = 10;

    private Task<T?> ScalarAsync<T>(string sql, object parameters) => Rows.ScalarAsync<T>(Cluster, sql, parameters);

    /// <summary>A local account followed from a peer that receives the Accept and then shuts down, leaving its port closed; the peer's domain.</summary>
    private async Task<(TestUser Alice, string Domain)> FollowedByAGonePeerAsync(string username)
    {
        var remote = new RemoteActorServer(username);
        var alice = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(remote, alice);
        // The Accept is delivered before the peer goes, so every test starts from one success on the host's circuit.
        await remote.VerifiedArrivalAsync("Accept");
        await remote.DisposeAsync();
        return (alice, remote.Domain);
    }

    /// <summary>The jobs in the retry set that name <paramref name="domain"/>.</summary>
    private async Task<List<string>> RetriesAsync(string domain)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(WebCluster.Redis.Configuration);
        return (await redis.GetDatabase().SortedSetRangeByRankAsync($"{Cluster.RedisNamespace}:retry"))
            .Select(job => job.ToString()).Where(job => job.Contains(domain)).ToList();
    }

    [Test]
    public async Task A_delivery_to_a_closed_port_is_scheduled_for_a_retry_and_recorded_against_the_domain()
    {
        var (alice, domain) = await FollowedByAGonePeerAsync("gone");

        await PostAsync(alice, "anyone there?");

        await Eventually.TrueAsync(async () => (await RetriesAsync(domain)).Any(job => job.Contains("ActivityPub::DeliveryWorker")),
            "the delivery waits in the retry set");
        await Eventually.TrueAsync(async () => await ScalarAsync<int?>(
            "SELECT cardinality(failure_days) FROM delivery_domains WHERE domain = @domain", new { domain }) == 1, "one failure day is recorded");
        Assert.That(await ScalarAsync<DateTime?>("SELECT unavailable_since FROM delivery_domains WHERE domain = @domain", new { domain }), Is.Null,
            "one day of failures does not make a domain unavailable");
    }

    [Test]
    public async Task The_federation_command_lists_a_failing_domain_and_reset_makes_it_available()
    {
        var (alice, domain) = await FollowedByAGonePeerAsync("listed");
        await PostAsync(alice, "hello?");
        await Eventually.TrueAsync(async () => await ScalarAsync<int?>(
            "SELECT cardinality(failure_days) FROM delivery_domains WHERE domain = @domain", new { domain }) == 1, "a failure day is recorded");

        var listed = (await Cluster.RunCliAsync(["federation", "domains"])).EnsureSuccess();
        var row = listed.Output.Single(line => line.Contains(domain)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(row[1..3], Is.EqualTo(new[] { "1", "1" }), "one account, following someone here");
        Assert.That(listed.Text, Does.Contain("unavailable since"));

        (await Cluster.RunCliAsync(["federation", "reset", domain])).EnsureSuccess();
        Assert.That(await ScalarAsync<int?>("SELECT cardinality(failure_days) FROM delivery_domains WHERE domain = @domain", new { domain }), Is.EqualTo(0));
    }

    [Test]
    public async Task A_host_that_keeps_refusing_trips_its_circuit_and_later_deliveries_wait_in_the_retry_set_without_trying()
    {
        var (alice, domain) = await FollowedByAGonePeerAsync("down");

        for (var i = 0; i < HostCircuitFailures; i++) await PostAsync(alice, $"knock {i}");
        await Eventually.TrueAsync(async () => (await RetriesAsync(domain)).Count >= HostCircuitFailures, "every delivery failed once");

        await PostAsync(alice, "one more knock");

        await Eventually.TrueAsync(async () => (await RetriesAsync(domain)).Any(job => job.Contains("BrokenCircuitException")),
            "a delivery failed fast on the open circuit and was scheduled for a retry");
    }

    [Test]
    public async Task An_unavailable_domain_is_skipped_until_it_signs_a_request()
    {
        await using var remote = new RemoteActorServer("sleeper");
        await using var awake = new RemoteActorServer("awake");
        var alice = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(remote, alice);
        await Cluster.FollowedByAsync(awake, alice);
        await Rows.ExecuteAsync(Cluster, """
            INSERT INTO delivery_domains (domain, failure_days, unavailable_since)
            SELECT @domain, array_agg(current_date - n), now() FROM generate_series(0, 6) n
            ON CONFLICT (domain) DO UPDATE SET failure_days = EXCLUDED.failure_days, unavailable_since = EXCLUDED.unavailable_since
            """, new { domain = remote.Domain });
        // Past the web's and the worker's caches of the domains in trouble (here and below).
        await Task.Delay(TimeSpan.FromSeconds(11));

        var skipped = await PostAsync(alice, "while you were away");
        // The other follower's copy shows the worker has taken up the post's deliveries before the sleeper wakes.
        await awake.VerifiedArrivalAsync("Create", d => ((string?)d.Body["object"]!["id"])!.EndsWith($"/{skipped}", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var bob = await Cluster.Users.SignUpAsync();
        await Cluster.FollowedByAsync(remote, bob);
        Assert.That(await ScalarAsync<DateTime?>("SELECT unavailable_since FROM delivery_domains WHERE domain = @domain", new { domain = remote.Domain }),
            Is.Null, "the signed Follow made the domain available");
        await Task.Delay(TimeSpan.FromSeconds(11));

        var delivered = await PostAsync(alice, "welcome back");
        await remote.VerifiedArrivalAsync("Create", d => ((string?)d.Body["object"]!["id"])!.EndsWith($"/{delivered}", StringComparison.Ordinal));
        Assert.That(remote.Deliveries.Select(d => (string?)d.Body["object"]?["id"]).Where(id => id is not null),
            Has.None.EndsWith($"/{skipped}"), "the post made while the domain was unavailable was not delivered");
    }
}
