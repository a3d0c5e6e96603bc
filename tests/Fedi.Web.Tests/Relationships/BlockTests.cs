using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>Blocking and unblocking: the relationship both sides see, follows removed both ways with their counters.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class BlockTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<(long Following, long Followers)> CountsAsync(TestUser user)
    {
        var account = (await Cluster.Api.GetAsync($"/api/v1/accounts/{user.AccountId}")).EnsureSuccess().RequireJson();
        return (account["following_count"]!.GetValue<long>(), account["followers_count"]!.GetValue<long>());
    }

    [Test]
    public async Task Blocking_removes_the_follows_both_ways_with_their_counters()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await FollowAsync(alice, bob);
        await FollowAsync(bob, alice);

        var relationship = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []));

        Assert.Multiple(() =>
        {
            Assert.That(relationship.Text("id"), Is.EqualTo(bob.AccountId));
            Assert.That(relationship["blocking"]!.GetValue<bool>(), Is.True);
            Assert.That(relationship["following"]!.GetValue<bool>(), Is.False);
            Assert.That(relationship["followed_by"]!.GetValue<bool>(), Is.False);
            Assert.That(relationship["blocked_by"]!.GetValue<bool>(), Is.False);
        });
        Assert.That(await CountsAsync(alice), Is.EqualTo((0L, 0L)));
        Assert.That(await CountsAsync(bob), Is.EqualTo((0L, 0L)));
        var seenByBob = Json(await bob.Client.GetAsync($"/api/v1/accounts/relationships?id[]={alice.AccountId}")).AsArray()[0]!;
        Assert.That(seenByBob["blocked_by"]!.GetValue<bool>(), Is.True);
        Assert.That(seenByBob["blocking"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Blocking_twice_keeps_one_block_and_unblocking_may_be_repeated()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();

        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []));
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []));
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM blocks WHERE account_id = @id", new { id = long.Parse(alice.AccountId) }), Is.EqualTo(1));

        var unblocked = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unblock", []));
        var again = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unblock", []));

        Assert.That(unblocked["blocking"]!.GetValue<bool>(), Is.False);
        Assert.That(again["blocking"]!.GetValue<bool>(), Is.False);
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM blocks WHERE account_id = @id", new { id = long.Parse(alice.AccountId) }), Is.Zero);
    }

    [Test]
    public async Task Blocking_yourself_changes_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var relationship = Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/block", []));

        Assert.That(relationship["blocking"]!.GetValue<bool>(), Is.False);
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM blocks WHERE account_id = @id", new { id = long.Parse(alice.AccountId) }), Is.Zero);
    }

    [Test]
    public async Task Blocking_an_unknown_account_is_not_found_and_writes_nothing()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var unknown = await alice.Client.PostFormAsync("/api/v1/accounts/999999999999/block", []);
        var notANumber = await alice.Client.PostFormAsync("/api/v1/accounts/nobody/block", []);
        var unblockUnknown = await alice.Client.PostFormAsync("/api/v1/accounts/999999999999/unblock", []);

        unknown.AssertError(404, "Record not found");
        notANumber.AssertError(404, "Record not found");
        unblockUnknown.AssertError(404, "Record not found");
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM blocks WHERE account_id = @id", new { id = long.Parse(alice.AccountId) }), Is.Zero);
    }

    [Test]
    public async Task Blocking_needs_write_blocks_and_listing_read_blocks()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        var readOnly = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "read"));
        var followScope = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "follow"));
        var writeFollows = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, alice.Email, alice.Password, "write:follows"));

        var denied = await readOnly.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []);
        var wrongWrite = await writeFollows.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []);
        var anonymous = await Cluster.Api.GetAsync("/api/v1/blocks");
        var listDenied = await writeFollows.GetAsync("/api/v1/blocks");

        Assert.That(denied.Status, Is.EqualTo(403));
        Assert.That(wrongWrite.Status, Is.EqualTo(403));
        Assert.That(anonymous.Status, Is.EqualTo(401));
        Assert.That(listDenied.Status, Is.EqualTo(403));
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM blocks WHERE account_id = @id", new { id = long.Parse(alice.AccountId) }), Is.Zero);

        // The legacy follow scope covers blocks, as Mastodon's.
        Json(await followScope.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []));
        Assert.That(Ids(await followScope.GetAsync("/api/v1/blocks")), Is.EqualTo(new[] { bob.AccountId }));
    }

    [Test]
    public async Task The_blocks_list_is_paginated_by_block_with_link_headers()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var targets = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            var target = await Cluster.Users.SignUpAsync();
            targets.Add(target);
            Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{target.AccountId}/block", []));
        }

        var first = await alice.Client.GetAsync("/api/v1/blocks?limit=2");
        Assert.That(Ids(first), Is.EqualTo(new[] { targets[2].AccountId, targets[1].AccountId }), "newest block first");
        var next = LinkHeaders.Next(first);
        Assert.That(next, Does.Contain("max_id=").And.Contain("limit=2"));
        var blockIds = await Rows.ListAsync<long>("SELECT id FROM blocks WHERE account_id = @id ORDER BY id", new { id = long.Parse(alice.AccountId) });
        Assert.That(next, Does.EndWith($"max_id={blockIds[1]}"), "the cursor is the block's row id, not the account's");

        var second = await alice.Client.GetAsync(new Uri(next).PathAndQuery);
        Assert.That(Ids(second), Is.EqualTo(new[] { targets[0].AccountId }));
    }

    [Test]
    public async Task Neither_side_of_a_block_can_follow_the_other()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        Json(await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/block", []));

        var blockerFollows = await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", []);
        var blockedFollows = await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", []);

        blockerFollows.AssertError(403, "This action is not allowed");
        blockedFollows.AssertError(403, "This action is not allowed");
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM follows WHERE account_id IN (@a, @b)",
            new { a = long.Parse(alice.AccountId), b = long.Parse(bob.AccountId) }), Is.Zero);
        Assert.That(await CountsAsync(bob), Is.EqualTo((0L, 0L)));
    }
}
