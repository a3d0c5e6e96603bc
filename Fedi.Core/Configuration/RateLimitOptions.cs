using System.Globalization;
using System.Net;

namespace Fedi.Core.Configuration;

/// <summary>The web tier's throttles: whether they apply, each one's limit, and the client addresses exempt from them.</summary>
public sealed record RateLimitOptions(bool Enabled, IReadOnlyDictionary<string, RateLimit> Limits, IReadOnlyList<IPNetwork> Safelist)
{
    public const string Variable = "RATE_LIMITS";
    public const string SafelistVariable = "RATE_LIMIT_SAFELIST";

    /// <summary>The configured limit of one of <see cref="DefaultRateLimits"/>.</summary>
    public RateLimit For(RateLimit defaults) => Limits[defaults.Name];

    public bool IsSafelisted(IPAddress clientAddress) => AddressList.Contains(Safelist, clientAddress);

    /// <summary>
    /// RATE_LIMITS: on (Mastodon's limits), off, or a factor multiplying every limit (2 doubles them).
    /// RATE_LIMIT_&lt;NAME&gt;: one throttle's limit as N or N/SECONDS, taken as given (not scaled).
    /// RATE_LIMIT_SAFELIST: client addresses never throttled, loopback by default as Mastodon's; none for none.
    /// </summary>
    public static RateLimitOptions From(EnvironmentSettings env)
    {
        var (enabled, scale) = Mode(env);
        var limits = DefaultRateLimits.All.ToDictionary(
            limit => limit.Name,
            limit => Override(env, limit) ?? limit with { Limit = (int)Math.Clamp(Math.Round(limit.Limit * scale), 1, int.MaxValue) });
        return new RateLimitOptions(enabled, limits, AddressList.Read(env, SafelistVariable, "127.0.0.0/8, ::1"));
    }

    private static (bool Enabled, double Scale) Mode(EnvironmentSettings env)
    {
        var raw = env.Optional(Variable, "on").ToLowerInvariant();
        if (raw is "on" or "true") return (true, 1);
        if (raw is "off" or "false") return (false, 1);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && double.IsFinite(scale))
            return (true, scale);
        throw new SettingsException(Variable, $"'{raw}' is not on, off or a positive factor such as 2 or 0.5");
    }

    private static RateLimit? Override(EnvironmentSettings env, RateLimit limit)
    {
        if (env.Optional(limit.Setting) is not { } raw) return null;
        var parts = raw.Split('/', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new SettingsException(limit.Setting, $"'{raw}' is not a limit such as 5 or 5/1800 (requests per seconds)");
        if (parts.Length == 1) return limit with { Limit = count };
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            throw new SettingsException(limit.Setting, $"'{raw}' has no period in whole seconds after the '/'");
        return limit with { Limit = count, Period = TimeSpan.FromSeconds(seconds) };
    }
}
