using System.Collections.Concurrent;
using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.OAuth;
using Fedi.Testing;
using Npgsql;

namespace Fedi.Web.Tests.Hardening;

/// <summary>
/// A statement PostgreSQL rejects (here: text with U+0000, refused when the parameters are bound) fails that
/// request only; the pooled connection it ran on serves the next request of anyone else correctly.
/// </summary>
public sealed class PooledConnectionTests
{
    [Test]
    public async Task A_store_call_refused_by_PostgreSQL_leaves_its_pooled_connection_usable()
    {
        // One connection, set up as every tier sets up its pool, so each valid call reuses the refused call's connection.
        var env = new EnvironmentSettings(new Dictionary<string, string> { ["DATABASE_URL"] = WebCluster.Cluster.Database.Url, ["DB_POOL"] = "1" });
        var options = DatabaseOptions.From(env, "pooled-connection-test", defaultPool: 1);
        DapperSetup.Configure();
        await using var db = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
        var apps = new ApplicationStore(db);
        var known = await apps.InsertAsync(RandomNames.Unique("pooled "), TestUsers.OutOfBand, "read", null);

        var failures = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            Assert.ThrowsAsync<PostgresException>(() => apps.FindByClientIdAsync($"bad\0{i}"));
            try
            {
                // A row must come back: the broken state shows as a DataRow the connection does not expect.
                Assert.That((await apps.FindByClientIdAsync(known.Uid))?.Id, Is.EqualTo(known.Id));
            }
            catch (Exception e) // Npgsql reports the broken protocol state as a plain Exception
            {
                failures.Add($"call {i}: {e.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_thousand_bad_requests_interleaved_with_a_thousand_valid_ones_fail_no_valid_one()
    {
        var (user, _) = await HostileRoutes.AllAsync();
        var anonymous = WebCluster.Cluster.Api;
        Func<Task<ApiResponse>>[] bad =
        [
            () => anonymous.GetAsync("/api/v1/accounts/lookup?acct=a%00b"),
            () => anonymous.PostJsonAsync("/api/v1/apps", new { client_name = "a\0b", redirect_uris = TestUsers.OutOfBand }),
            () => user.Client.PostJsonAsync("/api/v1/lists", new { title = "a\0b" }),
        ];
        Func<int, Task<ApiResponse>>[] valid =
        [
            i => anonymous.PostJsonAsync("/api/v1/apps", new { client_name = $"valid {i}", redirect_uris = TestUsers.OutOfBand }),
            i => user.Client.PostJsonAsync("/api/v1/lists", new { title = $"valid {i}" }),
            i => anonymous.GetAsync($"/api/v1/accounts/lookup?acct={user.Username}"),
        ];
        var failed = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < 1000; i = Interlocked.Increment(ref next))
            {
                var refused = bad[i % bad.Length]();
                var answered = await valid[i % valid.Length](i);
                if (!answered.IsSuccess) failed.Add(answered.ToString());
                await refused;
            }
        }));

        Assert.That(failed, Is.Empty);
    }
}
