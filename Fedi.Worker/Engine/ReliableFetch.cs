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
    // KEYS[1] = in-progress list, KEYS[2..k+1] = queues. ARGV[1] = number of queues k, ARGV[2] = jobs wanted n;
    // then, when k > 1, one fetch order per job, k 1-based queue indices each. Each order takes the right end
    // of the first of its queues that still holds a job once the orders before it have taken theirs; an
    // order that finds nothing means all queues are empty. The queue lengths are read first so that each
    // queue is popped once (RPOP with a count) and the jobs pushed in one LPUSH: the same jobs, in the same
    // order, as popping one job per order, for a fraction of the calls.
    private const string FetchScript = """
        local k, n = tonumber(ARGV[1]), tonumber(ARGV[2])
        local left, take = {}, {}
        for q = 1, k do
          left[q] = redis.call('LLEN', KEYS[q + 1])
          take[q] = 0
        end
        local picks = {}
        for o = 0, n - 1 do
          local chosen = nil
          for i = 1, k do
            local q = (k == 1) and 1 or tonumber(ARGV[2 + o * k + i])
            if left[q] > 0 then
              chosen = q
              break
            end
          end
          if not chosen then break end
          left[chosen] = left[chosen] - 1
          take[chosen] = take[chosen] + 1
          picks[#picks + 1] = chosen
        end
        local popped, used = {}, {}
        for q = 1, k do
          if take[q] > 0 then popped[q] = redis.call('RPOP', KEYS[q + 1], take[q]) end
          used[q] = 0
        end
        local result, jobs = {}, {}
        for j, q in ipairs(picks) do
          used[q] = used[q] + 1
          local job = popped[q][used[q]]
          jobs[j] = job
          result[2 * j - 1] = q
          result[2 * j] = job
        end
        for i = 1, #jobs, 1000 do
          redis.call('LPUSH', KEYS[1], unpack(jobs, i, math.min(i + 999, #jobs)))
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

    /// <summary>Up to <paramref name="count"/> jobs, each by its own fetch order (Sidekiq's per-fetch queue order).</summary>
    public async Task<IReadOnlyList<FetchedJob>> FetchAsync(QueuePlan plan, int count, Random random)
    {
        var queues = plan.Names;
        var k = queues.Count;
        if (_queueKeys is null)
        {
            var keys = new RedisKey[k + 1];
            keys[0] = _inProgress;
            for (var i = 0; i < k; i++) keys[i + 1] = SidekiqKeys.Queue(queues[i]);
            _queueKeys = keys;
        }
        var args = new RedisValue[2 + (k == 1 ? 0 : count * k)];
        args[0] = k;
        args[1] = count;
        if (k > 1)
        {
            Span<int> order = stackalloc int[k];
            var scratch = new int[plan.SlotCount];
            for (var o = 0; o < count; o++)
            {
                plan.NextOrder(random, order, scratch);
                for (var i = 0; i < k; i++) args[2 + o * k + i] = order[i];
            }
        }

        var result = (RedisResult[]?)await redis.Database.ScriptEvaluateAsync(FetchScript, _queueKeys, args) ?? [];
        var jobs = new FetchedJob[result.Length / 2];
        for (var i = 0; i < jobs.Length; i++)
            jobs[i] = new FetchedJob(queues[(int)result[2 * i] - 1], (string)result[2 * i + 1]!);
        Hold(jobs);
        return jobs;
    }

    /// <summary>In-progress list and queue keys of the fetch script; one plan per process.</summary>
    private RedisKey[]? _queueKeys;

    // KEYS[1] = in-progress list, ARGV = jobs. From the right, where the longest-held jobs are.
    private const string CompleteScript = """
        for i = 1, #ARGV do redis.call('LREM', KEYS[1], -1, ARGV[i]) end
        return #ARGV
        """;

    /// <summary>These jobs are finished: forget them, in one call.</summary>
    public Task CompleteAsync(IReadOnlyList<FetchedJob> jobs)
    {
        var args = new RedisValue[jobs.Count];
        for (var i = 0; i < args.Length; i++) args[i] = jobs[i].Raw;
        return redis.Database.ScriptEvaluateAsync(CompleteScript, [_inProgress], args);
    }

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
