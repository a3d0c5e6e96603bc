namespace Fedi.System.Tests.Streams;

/// <summary>
/// A post reaches exactly the streams its visibility allows: it arrives once where expected and, everywhere else,
/// nothing about it comes before a later sentinel post does.
/// </summary>
public sealed class VisibilityStreamTests
{
    private const string Reached = "author:user follower:user follower:list";
    private const string Broadcast = "other:public other:public:local other:hashtag other:hashtag:local";

    [TestCase("public", Reached + " " + Broadcast, TestName = "A_public_post_reaches_home_list_public_and_hashtag_streams_only")]
    [TestCase("unlisted", Reached, TestName = "An_unlisted_post_reaches_home_and_list_streams_only")]
    [TestCase("private", Reached, TestName = "A_private_post_reaches_home_and_list_streams_only")]
    public async Task A_post_reaches_exactly_the_streams_its_visibility_allows(string visibility, string expected)
    {
        await using var scene = await StreamScene.OpenAsync(SystemCluster.Cluster);
        var id = await StreamScene.PostAsync(scene.Author, $"hello #{scene.Tag}", visibility);

        await AssertReachesExactlyAsync(scene, id, expected.Split(' '));
    }

    [Test]
    public async Task A_direct_post_reaches_the_authors_and_mentioned_followers_homes_and_every_participants_direct_stream_only()
    {
        await using var scene = await StreamScene.OpenAsync(SystemCluster.Cluster);
        var id = await StreamScene.PostAsync(scene.Author, $"@{scene.Follower.Username} @{scene.Other.Username} just us #{scene.Tag}", "direct");

        var arrived = await AssertReachesExactlyAsync(scene, id,
            ["author:user", "follower:user", "author:direct", "follower:direct", "other:direct"]);

        var authors = arrived["author:direct"].Payload!;
        var others = arrived["other:direct"].Payload!;
        Assert.That(authors["accounts"]!.AsArray().Select(a => a!["id"]!.ToString()),
            Is.EquivalentTo(new[] { scene.Follower.AccountId, scene.Other.AccountId }));
        Assert.That(authors["unread"]!.GetValue<bool>(), Is.False, "the author has read what they wrote");
        Assert.That(others["accounts"]!.AsArray().Select(a => a!["id"]!.ToString()),
            Is.EquivalentTo(new[] { scene.Author.AccountId, scene.Follower.AccountId }));
        Assert.That(others["unread"]!.GetValue<bool>(), Is.True);
        Assert.That(others["last_status"]!["visibility"]!.ToString(), Is.EqualTo("direct"));

        var listed = (await scene.Other.Client.GetAsync("/api/v1/conversations")).EnsureSuccess().RequireJson().AsArray();
        Assert.That(listed.Select(c => c!["id"]!.ToString()), Does.Contain(others["id"]!.ToString()));
    }

    [Test]
    public async Task Deleting_a_public_post_sends_delete_on_every_stream_it_reached()
    {
        await using var scene = await StreamScene.OpenAsync(SystemCluster.Cluster);
        var id = await StreamScene.PostAsync(scene.Author, $"short-lived #{scene.Tag}", "public");
        var reached = (Reached + " " + Broadcast).Split(' ');
        foreach (var name in reached) await scene[name].WaitForAsync("update", id);

        (await scene.Author.Client.DeleteAsync($"/api/v1/statuses/{id}")).EnsureSuccess();

        foreach (var name in reached)
            Assert.That((await scene[name].WaitForAsync("delete", id)).PayloadText, Is.EqualTo(id), name);
    }

    /// <summary>Waits for the status on <paramref name="expected"/>, then proves every stream got nothing (more) about it.</summary>
    private static async Task<Dictionary<string, Fedi.Testing.StreamingEvent>> AssertReachesExactlyAsync(
        StreamScene scene, string statusId, IReadOnlyList<string> expected)
    {
        var arrived = new Dictionary<string, Fedi.Testing.StreamingEvent>();
        foreach (var name in expected)
            arrived[name] = await scene[name].WaitForAsync(name.EndsWith(":direct", StringComparison.Ordinal) ? "conversation" : "update", statusId);

        var sentinels = await scene.PostSentinelsAsync();
        var leaks = new List<string>();
        foreach (var probe in scene.Probes)
        {
            var before = await probe.ReadUntilSentinelAsync(sentinels);
            leaks.AddRange(before.Where(e => StreamProbe.IsAbout(e, statusId)).Select(e => $"{probe.Name}: {e.Event}"));
        }
        Assert.That(leaks, Is.Empty, "besides the one arrival on each expected stream, nothing about the status may come");
        return arrived;
    }
}
