using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Contracts.Jobs;
using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.Web.Tests.Follows;

/// <summary>
/// The jobs a follow leaves for the worker, read from Redis on an instance without a worker (so nothing
/// takes them off the queue first): Sidekiq's format, MergeWorker / UnmergeWorker [target, follower].
/// </summary>
public sealed class FollowJobsTests
{
    private FediCluster? _cluster;
    private FediCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await WebCluster.StartWebOnlyAsync([]);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private async Task<List<JsonNode>> QueuedJobsAsync(string jobClass)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(WebCluster.Redis.Configuration);
        var queued = await redis.GetDatabase().ListRangeAsync($"{Cluster.RedisNamespace}:{SidekiqKeys.Queue(QueueNames.Default)}");
        return queued.Select(j => JsonNode.Parse(j.ToString())!).Where(j => j["class"]!.GetValue<string>() == jobClass).ToList();
    }

    [Test]
    public async Task A_new_follow_enqueues_one_merge_and_an_unfollow_one_unmerge()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        long[] args = [long.Parse(bob.AccountId), long.Parse(alice.AccountId)];

        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [])).EnsureSuccess();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/follow", [new("notify", "true")])).EnsureSuccess();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unfollow", [])).EnsureSuccess();
        (await alice.Client.PostFormAsync($"/api/v1/accounts/{bob.AccountId}/unfollow", [])).EnsureSuccess();

        var merges = (await QueuedJobsAsync(MergeJob.Class)).Where(j => j["args"]!.AsArray().Select(a => a!.GetValue<long>()).SequenceEqual(args)).ToList();
        var unmerges = (await QueuedJobsAsync(UnmergeJob.Class)).Where(j => j["args"]!.AsArray().Select(a => a!.GetValue<long>()).SequenceEqual(args)).ToList();
        Assert.That(merges, Has.Count.EqualTo(1));
        Assert.That(unmerges, Has.Count.EqualTo(1));
        Assert.That(merges[0]["queue"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(merges[0]["jid"]!.GetValue<string>(), Has.Length.EqualTo(24));
    }
}
