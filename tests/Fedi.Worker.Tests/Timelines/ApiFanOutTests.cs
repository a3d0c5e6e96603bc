using Dapper;
using Fedi.Testing;
using Fedi.Worker.Tests.Support;
using Npgsql;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>Fan-out and removal as people using the API cause them: web enqueues, the worker delivers.</summary>
public sealed class ApiFanOutTests() : ClusterFixture(FediTiers.Web | FediTiers.Worker)
{
    [Test]
    public async Task A_post_reaches_active_followers_skips_an_inactive_one_and_its_deletion_removes_it()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        await PostAsync(alice, "an older post");
        foreach (var follower in new[] { bob, carol })
            (await follower.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();
        // Reading home once builds the feed, as it does for a real user.
        foreach (var reader in new[] { alice, bob, carol })
            await Eventually.TrueAsync(async () => (await HomeIdsAsync(reader)).Count > 0, "the home timeline holds the older post");
        // The follows' MergeWorkers must have run: one running after the post would merge it into carol's feed.
        await Redis.IdleAsync();
        await SignedInDaysAgoAsync(carol, 30);

        var statusId = await PostAsync(alice, "Hello, followers!");

        await Eventually.TrueAsync(async () => (await Redis.HomeFeedAsync(long.Parse(bob.AccountId))).Contains(long.Parse(statusId)),
            "the post is in bob's home feed");
        Assert.That(await HomeIdsAsync(bob), Does.Contain(statusId));
        Assert.That(await Redis.HomeFeedAsync(long.Parse(alice.AccountId)), Does.Contain(long.Parse(statusId)));
        Assert.That(await Redis.HomeFeedAsync(long.Parse(carol.AccountId)), Does.Not.Contain(long.Parse(statusId)));

        (await alice.Client.DeleteAsync($"/api/v1/statuses/{statusId}")).EnsureSuccess();
        await Eventually.TrueAsync(async () => !(await Redis.HomeFeedAsync(long.Parse(bob.AccountId))).Contains(long.Parse(statusId)),
            "the post left bob's home feed");
        Assert.That(await HomeIdsAsync(bob), Does.Not.Contain(statusId));
    }

    [Test]
    public async Task A_follower_listening_on_their_home_stream_gets_the_post_as_an_update()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();
        await Redis.ListenAsync(long.Parse(bob.AccountId));
        await using var stream = await ChannelRecorder.StartAsync(Redis, $"timeline:{bob.AccountId}");

        var statusId = await PostAsync(alice, "live!");

        var update = await stream.WaitForAsync("update", long.Parse(statusId));
        Assert.That(update["payload"]!["content"]!.GetValue<string>(), Does.Contain("live!"));
        Assert.That(update["payload"]!["account"]!["id"]!.GetValue<string>(), Is.EqualTo(alice.AccountId));
    }

    [Test]
    public async Task Unfollowing_takes_the_accounts_posts_out_of_home()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var statusId = await PostAsync(alice, "soon gone from bob's home");
        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();
        await Eventually.TrueAsync(async () => (await HomeIdsAsync(bob)).Contains(statusId), "the post is in bob's home");

        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/unfollow", [])).EnsureSuccess();

        await Eventually.TrueAsync(async () => !(await HomeIdsAsync(bob)).Contains(statusId), "the post left bob's home");
    }

    private static async Task<string> PostAsync(TestUser author, string text) =>
        (await author.Client.PostFormAsync("/api/v1/statuses", [new("status", text)])).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();

    private static async Task<List<string>> HomeIdsAsync(TestUser user) =>
        (await user.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray()
            .Select(s => s!["id"]!.GetValue<string>()).ToList();

    private async Task SignedInDaysAgoAsync(TestUser user, int days)
    {
        await using var conn = new NpgsqlConnection(Cluster.DatabaseConnectionString);
        await conn.ExecuteAsync("UPDATE users SET current_sign_in_at = now() - make_interval(days => @days) WHERE account_id = @id",
            new { days, id = long.Parse(user.AccountId) });
    }
}
