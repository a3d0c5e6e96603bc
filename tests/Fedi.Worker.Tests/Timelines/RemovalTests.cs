using Fedi.Worker.Tests.Support;

namespace Fedi.Worker.Tests.Timelines;

/// <summary>RemovalWorker: a deleted status out of home feeds, with a delete event to open streams.</summary>
public sealed class RemovalTests : TimelineFixture
{
    [Test]
    public async Task Deleting_a_post_removes_it_from_every_feed_and_tells_open_streams()
    {
        var author = await ReaderAsync();
        var follower = await ReaderAsync();
        var mentioned = await ReaderAsync();
        await Data.FollowAsync(follower, author);
        await Redis.ListenAsync(follower);
        var status = await Data.StatusAsync(author, mentions: [mentioned]);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();
        await Redis.Db.SortedSetAddAsync($"feed:home:{mentioned}", status, status); // as if reached another way
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Contain(status));
        await using var followerStream = await ChannelRecorder.StartAsync(Redis, $"timeline:{follower}");
        await using var publicStream = await ChannelRecorder.StartAsync(Redis, "timeline:public");

        await Data.SoftDeleteAsync(status);
        await Redis.EnqueueAsync("RemovalWorker", status);

        var deletion = await followerStream.WaitForAsync("delete", status);
        Assert.That(deletion["payload"]!.GetValue<string>(), Is.EqualTo(status.ToString()));
        await publicStream.WaitForAsync("delete", status);
        Assert.That(await Redis.HomeFeedAsync(author), Does.Not.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(follower), Does.Not.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(mentioned), Does.Not.Contain(status));
    }

    [Test]
    public async Task A_removal_job_for_a_status_that_is_not_deleted_changes_nothing()
    {
        var author = await ReaderAsync();
        var follower = await ReaderAsync();
        await Data.FollowAsync(follower, author);
        var status = await Data.StatusAsync(author);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.EnqueueAsync("RemovalWorker", status);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(follower), Does.Contain(status));
        Assert.That(await Redis.HomeFeedAsync(author), Does.Contain(status));
    }

    [Test]
    public async Task Deleting_a_private_post_sends_nothing_to_the_public_channels()
    {
        var author = await ReaderAsync();
        var status = await Data.StatusAsync(author, visibility: 2);
        await Redis.EnqueueAsync("DistributionWorker", status);
        await Redis.DrainAsync();
        await using var publicStream = await ChannelRecorder.StartAsync(Redis, "timeline:public");

        await Data.SoftDeleteAsync(status);
        await Redis.EnqueueAsync("RemovalWorker", status);
        await Redis.DrainAsync();

        Assert.That(await Redis.HomeFeedAsync(author), Does.Not.Contain(status));
        Assert.That(publicStream.Find("delete", status), Is.Null);
    }
}
