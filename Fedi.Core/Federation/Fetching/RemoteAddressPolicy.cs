using System.Net;
using System.Net.Sockets;
using Fedi.Core.Configuration;

namespace Fedi.Core.Federation.Fetching;

/// <summary>
/// Which resolved addresses a remote request may connect to: any public one; loopback, private (RFC 1918, unique
/// local), link-local, CGNAT, multicast and unspecified ones only inside ALLOWED_PRIVATE_ADDRESSES.
/// </summary>
public sealed class RemoteAddressPolicy(FederationOptions options)
{
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("64:ff9b::/96"),
    ];

    public bool IsAllowed(IPAddress address)
    {
        var normalized = AddressList.Normalize(address);
        if (AddressList.Contains(options.AllowedPrivateAddresses, normalized)) return true;
        if (normalized.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return false;
        return !NonPublic.Any(n => n.Contains(normalized));
    }
}
