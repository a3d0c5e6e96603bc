using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Worker.Engine;

/// <summary>
/// Takes jobs off the queues without ever holding one only in memory: a Lua script pops each job from the
/// right of its queue and pushes it onto <c>inprogress:&lt;identity&gt;</c> in the same step, and the job
/// leaves that list only when it is settled. Whatever is left there when a process dies goes back to its
/// queue (<see cref="RequeueAsync"/>).
/// </summary>
public sealed partial class ReliableFetch(RedisConnection redis, ProcessIdentity identity)
{
    // KEYS[1] = in-progress list, KEYS[2..] = queues. ARGV[1] = number of queues k; then one fetch order per
    // job wanted, k 1-based queue indices each. Every order holds every queue, so one order that finds
    // nothing means all queues are empty.
    private const string FetchScript = """
        local k = tonumber(ARGV[1])
        local result = {}
        for o = 0, (#ARGV - 1) / k - 1 do
          local found = false
          for i = 1, k do
            local q = tonumber(ARGV[1 + o * k + i])
            local job = redis.call('RPOP', KEYS[q + 1])
            if job then
              redis.call('LPUSH', KEYS[1], job)
              result[#result + 1] = q
              result[#result + 1] = job
              found = true
              break
            end
          end
          if not found then break end
        end
        return result
        """;

    // The queue a job text names ("default" when it names none or is not JSON). Only the "queue" field is
    // read; the text itself always goes back untouched (cjson would round 64-bit numbers on re-encoding).
    private const string QueueOfFunction = """
        local function queue_of(job)
          local ok, decoded = pcall(cjson.decode, job)
          if ok and type(decoded) == 'table' and type(decoded['queue']) == 'string' and decoded['queue'] ~= '' then
            return decoded['queue']
          end
          return 'default'
        end

        """;

    // KEYS: 1 in-progress list, 2 process hash, 3 processes set, 4 work hash, 5 owners set, 6 queues set.
    // ARGV: 1 prefixed "queue:" key stem, 2 identity, 3 "1" = only if the process hash has expired.
    // Jobs go back to the right end (run next), oldest fetched nearest the right.
    private const string RequeueScript = QueueOfFunction + """
        if ARGV[3] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
        local n = 0
        while true do
          local job = redis.call('LPOP', KEYS[1])
          if not job then break end
          local queue = queue_of(job)
          redis.call('RPUSH', ARGV[1] .. queue, job)
          redis.call('SADD', KEYS[6], queue)
          n = n + 1
        end
        redis.call('SREM', KEYS[3], ARGV[2])
        redis.call('SREM', KEYS[5], ARGV[2])
        redis.call('DEL', KEYS[2], KEYS[4])
        return n
        """;

    private readonly RedisKey _inProgress = SidekiqKeys.InProgress(identity.Identity);

    /// <summary>Up to <paramref name="orders"/>.Count jobs, one per fetch order (Sidekiq's per-fetch queue order).</summary>
    public async Task<IReadOnlyList<FetchedJob>> FetchAsync(IReadOnlyList<string> queues, IReadOnlyList<string[]> orders)
    {
        var index = new Dictionary<string, int>(queues.Count);
        for (var i = 0; i < queues.Count; i++) index[queues[i]] = i + 1;
        var keys = new RedisKey[queues.Count + 1];
        keys[0] = _inProgress;
        for (var i = 0; i < queues.Count; i++) keys[i + 1] = SidekiqKeys.Queue(queues[i]);
        var args = new RedisValue[1 + orders.Count * queues.Count];
        args[0] = queues.Count;
        var a = 1;
        foreach (var order in orders)
            foreach (var queue in order) args[a++] = index[queue];

        var result = (RedisResult[]?)await redis.Database.ScriptEvaluateAsync(FetchScript, keys, args) ?? [];
        var jobs = new List<FetchedJob>(result.Length / 2);
        for (var i = 0; i + 1 < result.Length; i += 2)
        {
            var job = new FetchedJob(queues[(int)result[i] - 1], (string)result[i + 1]!);
            Hold(job);
            jobs.Add(job);
        }
        return jobs;
    }

    /// <summary>The job is finished (done, scheduled for retry elsewhere, or dead): forget it.</summary>
    public Task CompleteAsync(FetchedJob job) => redis.Database.ListRemoveAsync(_inProgress, job.Raw, 1);

    /// <summary>Adds "remove from in-progress" to a transaction that settles the job elsewhere.</summary>
    public Task CompleteIn(ITransaction transaction, FetchedJob job) => transaction.ListRemoveAsync(_inProgress, job.Raw, 1);

    /// <summary>
    /// Puts every job of <paramref name="owner"/>'s in-progress list back on its queue and unregisters the
    /// process. With <paramref name="onlyIfDead"/> it does nothing (returns -1) while the owner's heartbeat
    /// hash still exists; being one script, two survivors can never both recover the same process.
    /// </summary>
    public async Task<int> RequeueAsync(string owner, bool onlyIfDead)
    {
        RedisKey[] keys =
        [
            SidekiqKeys.InProgress(owner), SidekiqKeys.Process(owner), SidekiqKeys.Processes,
            SidekiqKeys.ProcessWork(owner), SidekiqKeys.InProgressOwners, SidekiqKeys.Queues,
        ];
        RedisValue[] args = [redis.Options.KeyPrefix + SidekiqKeys.Queue(""), owner, onlyIfDead ? "1" : "0"];
        return (int)await redis.Database.ScriptEvaluateAsync(RequeueScript, keys, args);
    }
}
