using System.Net;

namespace Fedi.Core.Configuration;

/// <summary>Where a server process listens and how long it may drain; read when the server is built.</summary>
public sealed record HostingOptions
{
    /// <summary>PORT: the listen port, defaulting to the tier's own (web 3000, streaming 4000); 0 listens nowhere
    /// (the worker's default: it serves health and metrics only when PORT is set).</summary>
    public required int Port { get; init; }

    /// <summary>BIND (default 127.0.0.1): an IP address or <c>localhost</c> (null here: both loopback addresses).
    /// Read only when the process listens.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>SHUTDOWN_TIMEOUT (seconds, default 25): how long work may take to finish after SIGTERM.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>METRICS_ALLOWED_IPS (default <c>127.0.0.0/8, ::1</c>; <c>none</c> for nobody): the addresses that may
    /// read /metrics, and only directly: a request relayed by a proxy (it carries X-Forwarded-For) is refused
    /// whatever its address, so the shipped nginx site cannot expose it even where it runs on the same host.</summary>
    public IReadOnlyList<IPNetwork> MetricsAllowed { get; init; } = [];

    public bool Listens => Port != 0;

    /// <param name="defaultPort">PORT when unset; null means this tier listens only when PORT is set.</param>
    public static HostingOptions From(EnvironmentSettings env, int? defaultPort)
    {
        var port = env.Int("PORT", defaultPort ?? 0, min: 0, max: 65535);
        return new HostingOptions
        {
            Port = port,
            Address = port == 0 ? null : BindAddress(env.Optional("BIND", "127.0.0.1")),
            ShutdownTimeout = TimeSpan.FromSeconds(env.Int("SHUTDOWN_TIMEOUT", 25, min: 1, max: 3600)),
            MetricsAllowed = AddressList.Read(env, "METRICS_ALLOWED_IPS", "127.0.0.0/8, ::1"),
        };
    }

    private static IPAddress? BindAddress(string bind) =>
        bind == "localhost" ? null
        : IPAddress.TryParse(bind.Trim('[', ']'), out var address) ? address
        : throw new SettingsException("BIND", $"'{bind}' is not an IP address or localhost");
}
