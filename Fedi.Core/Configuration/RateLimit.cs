namespace Fedi.Core.Configuration;

/// <summary>
/// At most <see cref="Limit"/> requests in each fixed window of <see cref="Period"/>. <see cref="Name"/> is
/// Mastodon's throttle name (without <c>throttle_</c>); it names the Redis counters and the overriding setting.
/// </summary>
public sealed record RateLimit(string Name, int Limit, TimeSpan Period)
{
    /// <summary>RATE_LIMIT_&lt;NAME&gt;, e.g. RATE_LIMIT_API_SIGN_UP.</summary>
    public string Setting => "RATE_LIMIT_" + Name.ToUpperInvariant();
}
