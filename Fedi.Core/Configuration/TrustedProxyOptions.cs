using System.Net;

namespace Fedi.Core.Configuration;

/// <summary>
/// TRUSTED_PROXY_IP (Mastodon's name): the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// Loopback by default, where the shipped nginx runs; from any other address the headers are ignored, so a
/// client cannot choose the address its rate limits are counted against.
/// </summary>
public sealed record TrustedProxyOptions(IReadOnlyList<IPNetwork> Networks)
{
    public const string Variable = "TRUSTED_PROXY_IP";

    public static TrustedProxyOptions From(EnvironmentSettings env) => new(AddressList.Read(env, Variable, "127.0.0.1/8, ::1"));
}
