using Dapper;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;
using Npgsql;

namespace Fedi.Worker.Tests.Maintenance;

/// <summary>The built-in maintenance tasks, each run now through <c>maintenance run</c> on an instance of its own.</summary>
public sealed class MaintenanceTaskTests() : ClusterFixture(FediTiers.Worker, new Dictionary<string, string> { ["WORKER_LEADER_TTL"] = "3" })
{
    [Test]
    public async Task The_leader_schedules_every_task_feeds_vacuum_at_a_random_night_minute()
    {
        foreach (var task in new[] { "feeds-vacuum", "tokens-prune", "dead-set-trim", "processes-cleanup" })
            await Eventually.TrueAsync(() => Redis.Db.HashExistsAsync($"maintenance:task:{task}", "next_at"), $"{task} has a next run");
        var cron = (string?)await Redis.Db.HashGetAsync("maintenance:crons", "feeds-vacuum");
        Assert.That(cron, Does.Match(@"^\d{1,2} [345] \* \* \*$"));

        var list = (await Cluster.RunCliAsync(["maintenance", "list"])).EnsureSuccess();
        Assert.That(list.Output.Single(l => l.StartsWith("feeds-vacuum", StringComparison.Ordinal)), Does.Contain(cron));
        Assert.That(list.Output.Single(l => l.StartsWith("processes-cleanup", StringComparison.Ordinal)), Does.Contain("* * * * *"));
    }

    [Test]
    public async Task Feeds_vacuum_deletes_the_home_feeds_of_inactive_users_and_keeps_active_ones()
    {
        var active = await Data.AccountAsync(signedInDaysAgo: 1);
        var inactive = await Data.AccountAsync(signedInDaysAgo: 30);
        await Redis.SeedHomeFeedAsync(active);
        await Redis.SeedHomeFeedAsync(inactive);

        var run = (await Cluster.RunCliAsync(["maintenance", "run", "feeds-vacuum"])).EnsureSuccess();

        Assert.That(run.Text, Does.Contain("feeds-vacuum: ok"));
        Assert.That(await Redis.Db.KeyExistsAsync($"feed:home:{active}"), Is.True);
        Assert.That(await Redis.Db.KeyExistsAsync($"feed:home:{inactive}"), Is.False);
        var record = await Redis.Db.HashGetAllAsync("maintenance:task:feeds-vacuum");
        Assert.That(record.Select(e => (string)e.Name!), Is.SupersetOf(new[] { "last_run_at", "duration_ms", "outcome", "ran_by" }));
    }

    [Test]
    public async Task Tokens_prune_deletes_old_revoked_tokens_and_stale_grants_only()
    {
        var accountId = await Data.AccountAsync();
        await using var conn = new NpgsqlConnection(Cluster.DatabaseConnectionString);
        var userId = await conn.QuerySingleAsync<long>("SELECT id FROM users WHERE account_id = @accountId", new { accountId });
        var appId = await conn.QuerySingleAsync<long>("""
            INSERT INTO oauth_applications (name, uid, secret, redirect_uri) VALUES ('t', @uid, 's', 'urn:ietf:wg:oauth:2.0:oob') RETURNING id
            """, new { uid = RandomNames.Unique("app") });
        async Task<long> Token(string? revoked) => await conn.QuerySingleAsync<long>($"""
            INSERT INTO oauth_access_tokens (token_digest, resource_owner_id, application_id, scopes, revoked_at)
            VALUES (@digest, @userId, @appId, 'read', {revoked ?? "NULL"}) RETURNING id
            """, new { digest = RandomNames.Unique("t"), userId, appId });
        async Task<long> Grant(string createdAgo, int expiresIn, string? revoked) => await conn.QuerySingleAsync<long>($"""
            INSERT INTO oauth_access_grants (token_digest, resource_owner_id, application_id, expires_in, redirect_uri, scopes, created_at, revoked_at)
            VALUES (@digest, @userId, @appId, @expiresIn, 'urn:ietf:wg:oauth:2.0:oob', 'read', now() - interval '{createdAgo}', {revoked ?? "NULL"}) RETURNING id
            """, new { digest = RandomNames.Unique("g"), userId, appId, expiresIn });
        var oldRevoked = await Token("now() - interval '2 days'");
        var recentlyRevoked = await Token("now() - interval '1 hour'");
        var live = await Token(null);
        var expiredGrant = await Grant("1 hour", 600, null);
        var revokedGrant = await Grant("1 minute", 600, "now()");
        var freshGrant = await Grant("1 minute", 600, null);

        (await Cluster.RunCliAsync(["maintenance", "run", "tokens-prune"])).EnsureSuccess();

        var tokens = (await conn.QueryAsync<long>("SELECT id FROM oauth_access_tokens WHERE application_id = @appId", new { appId })).ToList();
        var grants = (await conn.QueryAsync<long>("SELECT id FROM oauth_access_grants WHERE application_id = @appId", new { appId })).ToList();
        Assert.That(tokens, Is.EquivalentTo(new[] { recentlyRevoked, live }));
        Assert.That(tokens, Does.Not.Contain(oldRevoked));
        Assert.That(grants, Is.EquivalentTo(new[] { freshGrant }));
        Assert.That(grants, Does.Not.Contain(expiredGrant).And.Not.Contain(revokedGrant));
    }

    [Test]
    public async Task Dead_set_trim_keeps_at_most_ten_thousand_jobs_of_the_last_180_days()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var old = SidekiqRedis.TestJob("diagnostics:x", "ok", "old").ToJsonString();
        await Redis.Db.SortedSetAddAsync("dead", old, now - 200 * 86400);
        var entries = Enumerable.Range(0, 10_005)
            .Select(i => new StackExchange.Redis.SortedSetEntry(SidekiqRedis.TestJob("diagnostics:x", "ok", $"d{i}").ToJsonString(), now - 10_005 + i))
            .ToArray();
        await Redis.Db.SortedSetAddAsync("dead", entries);

        (await Cluster.RunCliAsync(["maintenance", "run", "dead-set-trim"])).EnsureSuccess();

        Assert.That(await Redis.Db.SortedSetLengthAsync("dead"), Is.EqualTo(10_000));
        Assert.That(await Redis.Db.SortedSetScoreAsync("dead", old), Is.Null);
        Assert.That(await Redis.Db.SortedSetScoreAsync("dead", entries[4].Element), Is.Null, "the oldest beyond 10,000 went");
        Assert.That(await Redis.Db.SortedSetScoreAsync("dead", entries[5].Element), Is.Not.Null);
    }

    [Test]
    public async Task Processes_cleanup_recovers_the_jobs_of_a_process_whose_heartbeat_expired()
    {
        var ghost = $"ghost:1:{RandomNames.Lowercase(6)}";
        var queue = RandomNames.Unique("orphans");
        var job = SidekiqRedis.TestJob("diagnostics:x", "ok", "orphan", queue).ToJsonString();
        await Redis.Db.SetAddAsync("processes", ghost);
        await Redis.Db.ListLeftPushAsync($"inprogress:{ghost}", job);

        (await Cluster.RunCliAsync(["maintenance", "run", "processes-cleanup"])).EnsureSuccess();

        Assert.That(await Redis.Db.SetContainsAsync("processes", ghost), Is.False);
        Assert.That((await Redis.Db.ListRangeAsync($"queue:{queue}")).Select(v => (string)v!), Is.EqualTo(new[] { job }));
    }

    [Test]
    public async Task Running_an_unknown_task_names_the_known_ones()
    {
        var result = await Cluster.RunCliAsync(["maintenance", "run", "nope"]);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Text, Does.Contain("feeds-vacuum"));
    }
}
