using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Worker.Engine;

/// <summary>
/// Moves due jobs (score &lt;= now) of <c>schedule</c> and <c>retry</c> onto their queues, setting
/// enqueued_at. Candidates are read and rewritten here, then one Lua script moves each only if its ZREM
/// succeeds — so any number of processes polling at once never enqueue a job twice, and the job text is
/// edited by a JSON library rather than re-encoded by Lua (whose cjson would round 64-bit ids).
/// </summary>
public sealed class ScheduledPoller(RedisConnection redis, TimeProvider time)
{
    private const int Batch = 100;

    // KEYS[1] = schedule or retry, KEYS[2] = queues set. ARGV[1] = prefixed "queue:" key stem, then
    // triples (job as stored, queue, job as enqueued).
    private const string MoveScript = """
        local moved = 0
        for i = 2, #ARGV, 3 do
          if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
            redis.call('LPUSH', ARGV[1] .. ARGV[i + 1], ARGV[i + 2])
            redis.call('SADD', KEYS[2], ARGV[i + 1])
            moved = moved + 1
          end
        end
        return moved
        """;

    /// <summary>Enqueues everything due in both sets; returns how many jobs this call moved.</summary>
    public async Task<int> EnqueueDueAsync()
    {
        var moved = 0;
        foreach (var set in new[] { SidekiqKeys.Schedule, SidekiqKeys.Retry })
        {
            while (true)
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
                var due = await redis.Database.SortedSetRangeByScoreAsync(set, double.NegativeInfinity, now, take: Batch);
                if (due.Length == 0) break;
                var args = new List<RedisValue>(1 + due.Length * 3) { redis.Options.KeyPrefix + SidekiqKeys.Queue("") };
                foreach (var entry in due)
                {
                    var (queue, enqueued) = Rewrite(entry!, now);
                    args.Add(entry);
                    args.Add(queue);
                    args.Add(enqueued);
                }
                moved += (int)await redis.Database.ScriptEvaluateAsync(MoveScript, [set, SidekiqKeys.Queues], args.ToArray());
                if (due.Length < Batch) break;
            }
        }
        return moved;
    }

    /// <summary>The job's queue and its text with enqueued_at set; a job that cannot be read goes to the
    /// default queue unchanged, where the engine sends it to the dead set.</summary>
    private static (string Queue, string Json) Rewrite(string stored, double now)
    {
        var job = JobMessage.TryParse(stored);
        if (job is null) return (QueueNames.Default, stored);
        job.Set("enqueued_at", JsonValue.Create(now));
        var queue = job.GetString("queue") is { Length: > 0 } q ? q : QueueNames.Default;
        return (queue, job.ToJson());
    }
}
