using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Jobs;

/// <summary>One job in the retry or dead set: its JSON and its score (retry at / died at).</summary>
public sealed record SetEntry(string Raw, JsonObject? Job, DateTimeOffset At)
{
    public string Jid => Job?["jid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
    public string Class => Job?["class"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "?";
    public string Error => Job?["error_message"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}

/// <summary>
/// Sidekiq's API over the retry and dead sets (Sidekiq::RetrySet / DeadSet): list, retry now, delete. Entries
/// are taken out with ZREM of their exact text, so two operators (or the poller) can never both move one job.
/// </summary>
public sealed class JobSets(RedisConnection redis, TimeProvider time)
{
    /// <summary>Newest first (latest retry time or death first), as Sidekiq's web UI lists them.</summary>
    public async Task<IReadOnlyList<SetEntry>> ListAsync(string set, int limit = int.MaxValue)
    {
        var entries = await redis.Database.SortedSetRangeByRankWithScoresAsync(set, 0, limit == int.MaxValue ? -1 : limit - 1, Order.Descending);
        return entries.Select(e => Parse((string)e.Element!, e.Score)).ToList();
    }

    /// <summary>Puts the job (or every job when <paramref name="jid"/> is null) back on its queue; returns how many.</summary>
    public Task<int> RetryAsync(string set, string? jid) => TakeAsync(set, jid, requireJob: true, async entry =>
    {
        var job = entry.Job!;
        // Sidekiq's SortedEntry#retry: the manual retry does not count as one of the job's retries.
        if (job["retry_count"] is JsonValue c && c.TryGetValue<int>(out var count)) job["retry_count"] = count - 1;
        job["enqueued_at"] = JobPayload.EpochSeconds(time.GetUtcNow());
        var queue = job["queue"] is JsonValue q && q.TryGetValue<string>(out var name) && name.Length > 0 ? name : QueueNames.Default;
        await redis.Database.SetAddAsync(SidekiqKeys.Queues, queue);
        await redis.Database.ListLeftPushAsync(SidekiqKeys.Queue(queue), job.ToJsonString());
    });

    /// <summary>Deletes the job (or every job when <paramref name="jid"/> is null); returns how many.</summary>
    public Task<int> DeleteAsync(string set, string? jid) => TakeAsync(set, jid, requireJob: false, _ => Task.CompletedTask);

    /// <param name="requireJob">skip entries that are not job JSON (they can be deleted, never re-queued).</param>
    private async Task<int> TakeAsync(string set, string? jid, bool requireJob, Func<SetEntry, Task> then)
    {
        var taken = 0;
        foreach (var entry in await ListAsync(set))
        {
            if (jid is not null && entry.Jid != jid) continue;
            if (requireJob && entry.Job is null) continue;
            if (!await redis.Database.SortedSetRemoveAsync(set, entry.Raw)) continue;
            await then(entry);
            taken++;
        }
        return taken;
    }

    private static SetEntry Parse(string raw, double score)
    {
        JsonObject? job = null;
        try
        {
            job = JsonNode.Parse(raw) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new SetEntry(raw, job, DateTimeOffset.FromUnixTimeMilliseconds((long)(score * 1000)));
    }
}
