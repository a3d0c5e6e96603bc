using Fedi.Core.Contracts;
using StackExchange.Redis;

namespace Fedi.Worker.Engine;

public sealed partial class ReliableFetch
{
    // KEYS[1] = in-progress list, KEYS[2] = queues set. ARGV[1] = prefixed "queue:" stem, ARGV[2..] = jobs.
    // Each job goes back to the right of its queue only if it is still in the list.
    private const string ReclaimScript = QueueOfFunction + """
        local n = 0
        for i = 2, #ARGV do
          if redis.call('LREM', KEYS[1], 1, ARGV[i]) == 1 then
            local queue = queue_of(ARGV[i])
            redis.call('RPUSH', ARGV[1] .. queue, ARGV[i])
            redis.call('SADD', KEYS[2], queue)
            n = n + 1
          end
        end
        return n
        """;

    /// <summary>The jobs this process knows it holds (fetched, not yet released), counted by their exact text.</summary>
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    /// <summary>Called once a job has been settled (or its settling has failed: it is then reclaimed and runs again).</summary>
    public void Release(FetchedJob job)
    {
        lock (_held) Forget(job);
    }

    public void Release(IReadOnlyList<FetchedJob> jobs)
    {
        lock (_held)
            foreach (var job in jobs) Forget(job);
    }

    private void Forget(FetchedJob job)
    {
        if (!_held.TryGetValue(job.Raw, out var count)) return;
        if (count <= 1) _held.Remove(job.Raw);
        else _held[job.Raw] = count - 1;
    }

    /// <summary>Something may sit in the in-progress list that no one here will settle; see <see cref="ReclaimUnknownAsync"/>.</summary>
    public void MarkForReclaim() => Volatile.Write(ref _reclaimNeeded, true);

    public bool ReclaimNeeded => Volatile.Read(ref _reclaimNeeded);

    private bool _reclaimNeeded;

    private void Hold(IReadOnlyList<FetchedJob> jobs)
    {
        lock (_held)
            foreach (var job in jobs) _held[job.Raw] = _held.GetValueOrDefault(job.Raw) + 1;
    }

    /// <summary>
    /// After a fetch whose reply was lost (timeout, dropped connection) the script may still have moved jobs
    /// into our in-progress list that this process never saw. Anything there beyond what we hold goes back
    /// to its queue; without this it would wait for the process to stop.
    /// </summary>
    public async Task<int> ReclaimUnknownAsync()
    {
        Volatile.Write(ref _reclaimNeeded, false);
        var listed = await redis.Database.ListRangeAsync(_inProgress);
        var unknown = new List<RedisValue> { redis.Options.KeyPrefix + SidekiqKeys.Queue("") };
        lock (_held)
        {
            foreach (var group in listed.GroupBy(v => (string)v!, StringComparer.Ordinal))
            {
                var extra = group.Count() - _held.GetValueOrDefault(group.Key);
                for (var i = 0; i < extra; i++) unknown.Add(group.Key);
            }
        }
        if (unknown.Count == 1) return 0;
        return (int)await redis.Database.ScriptEvaluateAsync(ReclaimScript, [_inProgress, SidekiqKeys.Queues], unknown.ToArray());
    }
}
