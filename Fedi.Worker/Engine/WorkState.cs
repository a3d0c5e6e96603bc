using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace Fedi.Worker.Engine;

/// <summary>The jobs running right now, as the heartbeat publishes them in <c>&lt;identity&gt;:work</c>.</summary>
public sealed class WorkState
{
    private readonly ConcurrentDictionary<string, string> _running = new();

    public int Busy => _running.Count;

    /// <summary>Registers a running job; returns its per-execution id (Sidekiq's "tid").</summary>
    public string Start(FetchedJob job, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        _running[id] = JsonSerializer.Serialize(new WorkEntry(job.Queue, job.Raw, now.ToUnixTimeSeconds()));
        return id;
    }

    public void Finish(string executionId) => _running.TryRemove(executionId, out _);

    public IReadOnlyList<KeyValuePair<string, string>> Snapshot() => _running.ToArray();

    /// <summary>Sidekiq's work entry: queue, the job JSON string, and when it started (epoch seconds).</summary>
    private sealed record WorkEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("queue")] string Queue,
        [property: System.Text.Json.Serialization.JsonPropertyName("payload")] string Payload,
        [property: System.Text.Json.Serialization.JsonPropertyName("run_at")] long RunAt);
}
