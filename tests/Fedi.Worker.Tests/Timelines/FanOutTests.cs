using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>DistributionWorker: a new status into home feeds and live streams.</summary>
public sealed class FanOutTests : TimelineFixture
{
    [Test]
    public async Task A_post_reaches_the_author_and_every_active_follower_but_not_an_inactive_one()
    {
        var author = await ReaderAsync();
        var active = await ReaderAsync(signedInDaysAgo: 1);
        var inactive = await ReaderAsync(signedInDaysAgo: 30);
        var stranger = await ReaderAsync();
        await Data.FollowAsync(active, author);
        await Data.FollowAsync(inactive, author);

        var status = await Data.StatusAsync(author);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(author), Does.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(active), Does.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(inactive), Does.Not.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(stranger), Does.Not.Contain(status));
    }

    [Test]
    public async Task A_post_reaches_followers_beyond_the_first_batch_of_a_thousand()
    {
        var author = await ReaderAsync();
        var followers = await Data.AccountsAsync(2100);
        await Data.FollowAsync(followers, author);
        var seed = Redis.Db.CreateBatch();
        var seeded = followers.Select(f => seed.SortedSetAddAsync($"feed:home:{f}", 1, 1)).ToList();
        seed.Execute();
        await Task.WhenAll(seeded);

        var status = await Data.StatusAsync(author, visibility: 1);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();

        var batch = Redis.Db.CreateBatch();
        var checks = followers.Select(f => batch.SortedSetScoreAsync($"feed:home:{f}", status)).ToList();
        batch.Execute();
        var missing = 0;
        foreach (var check in checks) if (await check is null) missing++;
        Assert.That(missing, Is.Zero);
    }

    [Test]
    public async Task A_follower_who_has_no_home_feed_yet_is_left_to_the_rebuild()
    {
        var author = await ReaderAsync();
        var newcomer = await Data.AccountAsync();
        await Data.FollowAsync(newcomer, author);

        var status = await Data.StatusAsync(author);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();

        // A feed holding only this status would hide everything older: the web tier rebuilds it on first read.
        Assert.That(await Redis.Db.KeyExistsAsync($"feed:home:{newcomer}"), Is.False);
        Assert.That(await Redis.HomeFeedAsync(author), Does.Contain(status));
    }

    [Test]
    public async Task A_direct_post_reaches_only_mentioned_followers()
    {
        var author = await ReaderAsync();
        var mentionedFollower = await ReaderAsync();
        var otherFollower = await ReaderAsync();
        var mentionedStranger = await ReaderAsync();
        await Data.FollowAsync(mentionedFollower, author);
        await Data.FollowAsync(otherFollower, author);

        var status = await Data.StatusAsync(author, visibility: 3, mentions: [mentionedFollower, mentionedStranger]);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(author), Does.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(mentionedFollower), Does.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(otherFollower), Does.Not.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(mentionedStranger), Does.Not.Contain(status));
    }

    [Test]
    public async Task A_reply_to_someone_reaches_only_followers_who_follow_them_too()
    {
        var author = await ReaderAsync();
        var repliedTo = await ReaderAsync();
        var followsBoth = await ReaderAsync();
        var followsAuthorOnly = await ReaderAsync();
        await Data.FollowAsync(followsBoth, author);
        await Data.FollowAsync(followsBoth, repliedTo);
        await Data.FollowAsync(followsAuthorOnly, author);
        await Data.FollowAsync(repliedTo, author);

        var reply = await Data.StatusAsync(author, inReplyToAccountId: repliedTo);
        await Redis.EnqueueAsync("DistributionWorker", reply);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(followsBoth), Does.Contain(reply));
        Assert.That(await Redis.HomeFeedAsync(repliedTo), Does.Contain(reply));
        Assert.That(await Redis.HomeFeedAsync(followsAuthorOnly), Does.Not.Contain(reply));
    }

    [Test]
    public async Task A_follower_with_an_open_stream_gets_the_post_as_an_update()
    {
        var author = await ReaderAsync();
        var follower = await ReaderAsync();
        await Data.FollowAsync(follower, author);
        await Redis.ListenAsync(follower);
        await Redis.ListenAsync(author);
        await using var followerStream = await ChannelRecorder.StartAsync(Redis, $"timeline:{follower}");
        await using var authorStream = await ChannelRecorder.StartAsync(Redis, $"timeline:{author}");

        var status = await Data.StatusAsync(author, visibility: 2, text: "for my followers");
        await Redis.EnqueueAsync("DistributionWorker", status);

        var update = await followerStream.WaitForAsync("update", status);
        var payload = update["payload"]!.AsObject();
        Assert.That(payload["content"]!.GetValue<string>(), Does.Contain("for my followers"));
        Assert.That(payload["visibility"]!.GetValue<string>(), Is.EqualTo("private"));
        Assert.That(payload["account"]!["id"]!.GetValue<string>(), Is.EqualTo(author.ToString()));
        Assert.That(payload["favourited"]!.GetValue<bool>(), Is.False);
        var own = await authorStream.WaitForAsync("update", status);
        Assert.That(own["payload"]!["pinned"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_public_post_goes_to_the_public_channels_anonymously_and_a_private_one_does_not()
    {
        var author = await ReaderAsync();
        await using var publicStream = await ChannelRecorder.StartAsync(Redis, "timeline:public");
        await using var localStream = await ChannelRecorder.StartAsync(Redis, "timeline:public:local");

        var hidden = await Data.StatusAsync(author, visibility: 2);
        var unlisted = await Data.StatusAsync(author, visibility: 1);
        var shown = await Data.StatusAsync(author, visibility: 0);
        await Redis.EnqueueAsync("DistributionWorker", hidden);
        await Redis.EnqueueAsync("DistributionWorker", unlisted);
        await Redis.EnqueueAsync("DistributionWorker", shown);

        var update = await publicStream.WaitForAsync("update", shown);
        await localStream.WaitForAsync("update", shown);
        Assert.That(update["payload"]!["favourited"], Is.Null, "anonymous rendering");
        // One job at a time, in order: the private and unlisted posts were done before the public one was published.
        Assert.That(publicStream.Find("update", hidden), Is.Null);
        Assert.That(publicStream.Find("update", unlisted), Is.Null);
        Assert.That(localStream.Find("update", hidden), Is.Null);
    }

    [Test]
    public async Task A_status_deleted_before_its_fan_out_ran_goes_nowhere()
    {
        var author = await ReaderAsync();
        var follower = await ReaderAsync();
        await Data.FollowAsync(follower, author);
        var status = await Data.StatusAsync(author);
        await Data.SoftDeleteAsync(status);

        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(author), Does.Not.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status));
    }
}
