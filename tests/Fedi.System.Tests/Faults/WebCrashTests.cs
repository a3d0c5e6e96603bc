using Fedi.Testing;

namespace Fedi.System.Tests.Faults;

/// <summary>The web process is killed (SIGKILL) while posts are in flight.</summary>
[NonParallelizable]
public sealed class WebCrashTests
{
    [Test]
    public async Task A_post_cut_off_by_a_crash_is_either_fully_there_or_absent()
    {
        await using var postgres = await TestPostgres.StartAsync();
        await using var redis = await TestRedis.StartAsync();
        await using var scene = await FaultScene.StartAsync(postgres, redis);

        var load = await scene.RunThroughAsync(() => scene.Cluster.RestartWebAfterCrashAsync());

        Assert.That(load.Posts.Select(p => p.Status).Where(s => s is not (200 or 0)), Is.Empty, "posts answered 200 or cut off");
        Assert.That(load.Posts.Select(p => p.Status), Does.Contain(0), "some requests were cut off by the crash");
        await scene.AssertNothingLostAsync(load);
    }
}
