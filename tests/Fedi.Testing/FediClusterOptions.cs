namespace Fedi.Testing;

/// <summary>Which Fedi executables a <see cref="FediCluster"/> starts.</summary>
[Flags]
public enum FediTiers
{
    /// <summary>None: only the database and Redis namespace (and <c>migrate</c>).</summary>
    None = 0,

    /// <summary>Fedi.Web, the REST API.</summary>
    Web = 1,

    /// <summary>Fedi.Streaming, the WebSocket/SSE API.</summary>
    Streaming = 2,

    /// <summary>One Fedi.Worker, the job engine.</summary>
    Worker = 4,

    /// <summary>All three.</summary>
    All = Web | Streaming | Worker,
}

/// <summary>How a <see cref="FediCluster"/> is started.</summary>
public sealed class FediClusterOptions
{
    /// <summary>The tiers to start; all three by default.</summary>
    public FediTiers Tiers { get; init; } = FediTiers.All;

    /// <summary>Settings added to (or overriding) every process's environment, e.g. <c>REGISTRATIONS_MODE=none</c>.</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long each process may take to answer <c>/health</c> (and <c>migrate</c> to finish).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The prefix of the database name, to tell tests' databases apart.</summary>
    public string DatabasePrefix { get; init; } = "fedi";
}
