using System.Net;

namespace Fedi.Core.Configuration;

/// <summary>How this server talks to other servers. Read once at start from the environment.</summary>
public sealed record FederationOptions
{
    /// <summary>
    /// ALLOWED_PRIVATE_ADDRESSES (Mastodon's name): networks remote requests may reach although they are loopback,
    /// private or link-local (e.g. <c>127.0.0.0/8</c> for peers on this machine). Empty by default: such
    /// destinations are refused, whatever a remote document names, so a peer cannot make us probe the internal network.
    /// </summary>
    public IReadOnlyList<IPNetwork> AllowedPrivateAddresses { get; init; } = [];

    /// <summary>FEDERATION_ALLOW_HTTP: also fetch and deliver over plain http (local development only); https only by default.</summary>
    public bool AllowHttp { get; init; }

    public static FederationOptions From(EnvironmentSettings env) => new()
    {
        AllowedPrivateAddresses = AddressList.Read(env, "ALLOWED_PRIVATE_ADDRESSES", "none"),
        AllowHttp = env.Bool("FEDERATION_ALLOW_HTTP", false),
    };
}
