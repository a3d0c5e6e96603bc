using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>MergeWorker and UnmergeWorker: following brings recent statuses into home, unfollowing takes them out.</summary>
public sealed class MergeTests : TimelineFixture
{
    [Test]
    public async Task Following_merges_the_statuses_the_follower_may_see_into_their_feed()
    {
        var target = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var stranger = await Data.AccountAsync();
        var visible = new[]
        {
            await Data.StatusAsync(target, visibility: 0),
            await Data.StatusAsync(target, visibility: 1),
            await Data.StatusAsync(target, visibility: 2),
            await Data.StatusAsync(target, visibility: 3, mentions: [follower]),
            await Data.StatusAsync(target, inReplyToAccountId: follower),
        };
        var hidden = new[]
        {
            await Data.StatusAsync(target, visibility: 3, mentions: [stranger]),
            await Data.StatusAsync(target, inReplyToAccountId: stranger),
        };
        var deleted = await Data.StatusAsync(target);
        await Data.SoftDeleteAsync(deleted);
        await Data.FollowAsync(follower, target);

        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.DrainAsync();

        var feed = await Redis.HomeFeedAsync(follower);
        Assert.That(feed, Is.SupersetOf(visible));
        Assert.That(feed, Has.None.AnyOf(hidden.Append(deleted).Cast<object>().ToArray()));
    }

    [Test]
    public async Task A_late_merge_brings_nothing_from_an_account_the_follower_has_muted_since()
    {
        var target = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var status = await Data.StatusAsync(target);
        await Data.FollowAsync(follower, target);
        await Data.MuteAsync(follower, target);

        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status));
    }

    [Test]
    public async Task Merging_into_a_follower_without_a_feed_leaves_it_to_the_rebuild()
    {
        var target = await Data.AccountAsync();
        var follower = await Data.AccountAsync();
        await Data.StatusAsync(target);
        await Data.FollowAsync(follower, target);

        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.DrainAsync();

        Assert.That(await Redis.Db.KeyExistsAsync($"feed:home:{follower}"), Is.False);
    }

    [Test]
    public async Task A_merge_that_runs_after_an_unfollow_adds_nothing()
    {
        var target = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var status = await Data.StatusAsync(target);

        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status));
    }

    [Test]
    public async Task Unfollowing_removes_that_accounts_statuses_and_keeps_the_rest()
    {
        var target = await Data.AccountAsync();
        var other = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var theirs = new[] { await Data.StatusAsync(target), await Data.StatusAsync(target, visibility: 2) };
        var kept = await Data.StatusAsync(other);
        await Data.FollowAsync(follower, target);
        await Data.FollowAsync(follower, other);
        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.EnqueueAsync("MergeWorker", other, follower);
        await Redis.DrainAsync();
        Assert.That(await Redis.HomeFeedAsync(follower), Is.SupersetOf(theirs.Append(kept)));

        await Data.UnfollowAsync(follower, target);
        await Redis.EnqueueAsync("UnmergeWorker", target, follower);
        await Redis.DrainAsync();

        var feed = await Redis.HomeFeedAsync(follower);
        Assert.That(feed, Does.Contain(kept));
        Assert.That(feed, Has.None.AnyOf(theirs.Cast<object>().ToArray()));
    }

    [Test]
    public async Task An_unmerge_that_runs_after_following_again_removes_nothing()
    {
        var target = await Data.AccountAsync();
        var follower = await ReaderAsync();
        var status = await Data.StatusAsync(target);
        await Data.FollowAsync(follower, target);
        await Redis.EnqueueAsync("MergeWorker", target, follower);
        await Redis.EnqueueAsync("UnmergeWorker", target, follower);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(follower), Does.Contain(status));
    }
}
