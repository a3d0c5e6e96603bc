using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Worker.Engine;

/// <summary>Releases the until-executed lock of a unique job (<see cref="SidekiqKeys.UniqueJob"/>) once it has
/// ended for good — only if the lock is still this job's, so a later duplicate's lock is never taken away.</summary>
public sealed class UniqueJobs(RedisConnection redis)
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public Task ReleaseAsync(JobMessage job) =>
        job.GetString("unique_digest") is { Length: > 0 } digest ? ReleaseAsync(digest, job.Jid) : Task.CompletedTask;

    public async Task ReleaseAsync(string digest, string jid)
    {
        try
        {
            await redis.Database.ScriptEvaluateAsync(ReleaseScript, [SidekiqKeys.UniqueJob(digest)], [jid]);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The job itself is settled; the lock's TTL (unique_for) frees it instead.
        }
    }
}
