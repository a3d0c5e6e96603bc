namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>A running server process as the load tool addresses it.</summary>
/// <param name="ChannelPrefix">Prepended to the Redis channel names (Fedi's REDIS_NAMESPACE; Mastodon's is empty).</param>
public sealed record ServerTarget(string Url, string TokensFile, int RedisPort, int Pid, string ChannelPrefix);

/// <summary>One side of the comparison: starts a fresh streaming process per run on a stack started once.</summary>
public interface IServerUnderTest : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Starts the stack (database, Redis, tokens) once.</summary>
    Task StartAsync(CancellationToken ct);

    /// <summary>Replaces the streaming process by a fresh one and waits until it reports healthy.</summary>
    Task<ServerTarget> FreshProcessAsync(CancellationToken ct);

    /// <summary>Extra runtime information for the report (versions, settings).</summary>
    string Describe();
}
