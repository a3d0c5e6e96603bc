using System.Net;
using System.Net.Sockets;
using Fedi.Core.Configuration;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>
/// The client's address as the throttles count it: the connection's remote address after ForwardedHeaders replaced
/// it with a trusted proxy's X-Forwarded-For. An IPv6 client counts as its /64 (Mastodon's throttleable_remote_ip):
/// one subscriber usually holds a whole /64 and could otherwise rotate through its addresses.
/// </summary>
public static class ClientAddress
{
    public static IPAddress? Of(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address ? AddressList.Normalize(address) : null;

    public static string Bucket(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? AddressList.Mask(address, 64).ToString() : address.ToString();
}
