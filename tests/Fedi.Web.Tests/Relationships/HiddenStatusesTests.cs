using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Relationships;

/// <summary>
/// Blocks, mutes and domain blocks on every REST read path, as Mastodon applies them: a status of an author who
/// blocks the viewer is nowhere (a direct GET is a 404); the viewer's own blocks, mutes and domain blocks take it
/// off the timelines but leave the status and the author's profile readable; an expired mute hides nothing.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class HiddenStatusesTests
{
    private static readonly ReadPath[] Paths = Enum.GetValues<ReadPath>();
    private static readonly Relation[] Relations = Enum.GetValues<Relation>();

    [Test]
    public async Task A_status_stays_readable_or_disappears_as_the_relation_between_viewer_and_author_says(
        [ValueSource(nameof(Paths))] ReadPath path, [ValueSource(nameof(Relations))] Relation relation)
    {
        var scene = await ReadPathScene.StartAsync(remoteAuthor: relation == Relation.ViewerBlocksDomain);
        var status = await scene.PostAsync(path);
        await Eventually.TrueAsync(() => scene.ViewerSeesAsync(path, status), $"the viewer sees the status on {path} first");

        await scene.ApplyAsync(relation);

        Assert.That(await scene.ViewerSeesAsync(path, status), Is.EqualTo(StillVisible(path, relation)));
    }

    [TestCase(Relation.ViewerBlocks)]
    [TestCase(Relation.ViewerMutes)]
    [TestCase(Relation.AuthorBlocksViewer)]
    public async Task A_reblog_leaves_the_rebloggers_profile_and_the_viewers_home_with_the_status_it_reblogs(Relation relation)
    {
        var scene = await ReadPathScene.StartAsync(remoteAuthor: false);
        var reblogger = await WebCluster.Cluster.Users.SignUpAsync();
        await FollowAsync(scene.Viewer, reblogger);
        var status = await scene.PostAsync(ReadPath.Public);
        // No reblog endpoint yet: the row as reblogging writes it, and a home rebuilt to hold it.
        var reblog = (await Rows.ScalarAsync<long>(
            "INSERT INTO statuses (account_id, reblog_of_id) VALUES (@reblogger::bigint, @status::bigint) RETURNING id",
            new { reblogger = reblogger.AccountId, status })).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ReadPathScene.DropHomeFeedAsync(scene.Viewer.AccountId);
        var profile = $"/api/v1/accounts/{reblogger.AccountId}/statuses";
        Assert.That(Ids(await scene.Viewer.Client.GetAsync(profile)), Does.Contain(reblog));
        Assert.That(Ids(await scene.Viewer.Client.GetAsync("/api/v1/timelines/home")), Does.Contain(reblog));

        await scene.ApplyAsync(relation);

        Assert.That(Ids(await scene.Viewer.Client.GetAsync(profile)), Does.Not.Contain(reblog));
        Assert.That(Ids(await scene.Viewer.Client.GetAsync("/api/v1/timelines/home")), Does.Not.Contain(reblog));
    }

    private static bool StillVisible(ReadPath path, Relation relation) => relation switch
    {
        Relation.ExpiredMute => true,
        Relation.AuthorBlocksViewer => false,
        _ => path is ReadPath.Show or ReadPath.Profile,
    };
}
