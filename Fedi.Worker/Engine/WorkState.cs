using System.Security.Cryptography;
using System.Text.Json;

namespace Fedi.Worker.Engine;

/// <summary>
/// The jobs running right now, one slot per executor, as the heartbeat publishes them in
/// <c>&lt;identity&gt;:work</c>. Starting a job only fills its executor's slot: ids and JSON are made when
/// the heartbeat reads the slots, not for every job.
/// </summary>
public sealed class WorkState(WorkerOptions options)
{
    /// <summary>Execution ids are this process's random prefix and a counter: unique per process, as Sidekiq's tid.</summary>
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly Running?[] _slots = new Running?[options.Concurrency];
    private long _executions;

    public int Busy
    {
        get
        {
            var busy = 0;
            for (var i = 0; i < _slots.Length; i++)
                if (Volatile.Read(ref _slots[i]) is not null) busy++;
            return busy;
        }
    }

    /// <summary>Executor <paramref name="slot"/> starts <paramref name="job"/>.</summary>
    public void Start(int slot, FetchedJob job, DateTimeOffset now) =>
        Volatile.Write(ref _slots[slot], new Running(Interlocked.Increment(ref _executions), job, now.ToUnixTimeSeconds()));

    public void Finish(int slot) => Volatile.Write(ref _slots[slot], null);

    /// <summary>(execution id, Sidekiq's work entry JSON) of every running job.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Snapshot()
    {
        var running = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not { } run) continue;
            var entry = JsonSerializer.Serialize(new WorkEntry(run.Job.Queue, run.Job.Raw, run.RunAt));
            running.Add(new($"{_prefix}{run.Execution:x}", entry));
        }
        return running;
    }

    private sealed record Running(long Execution, FetchedJob Job, long RunAt);

    /// <summary>Sidekiq's work entry: queue, the job JSON string, and when it started (epoch seconds).</summary>
    private sealed record WorkEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("queue")] string Queue,
        [property: System.Text.Json.Serialization.JsonPropertyName("payload")] string Payload,
        [property: System.Text.Json.Serialization.JsonPropertyName("run_at")] long RunAt);
}
