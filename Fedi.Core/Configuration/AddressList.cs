using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fedi.Core.Configuration;

/// <summary>
/// A setting listing addresses and networks, comma or space separated (<c>127.0.0.1/8, ::1</c>). Host bits
/// of a network are ignored, as Ruby's IPAddr ignores them, so Mastodon's values read the same here.
/// </summary>
public static class AddressList
{
    /// <summary><c>none</c> is the empty list: an empty value means "the default", as for every setting.</summary>
    public static IReadOnlyList<IPNetwork> Read(EnvironmentSettings env, string name, string fallback)
    {
        var raw = env.Optional(name, fallback);
        if (raw.Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        return raw.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(item => Parse(name, item)).ToArray();
    }

    /// <summary>An IPv4 client reached over an IPv6 socket (::ffff:a.b.c.d) as the IPv4 address the lists name.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Whether <paramref name="address"/> (normalised) lies in one of <paramref name="networks"/>.</summary>
    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        var normalized = Normalize(address);
        return networks.Any(network => network.Contains(normalized));
    }

    /// <summary>The first <paramref name="prefix"/> bits of <paramref name="address"/>, the others zero.</summary>
    public static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefix - i * 8, 0, 8)));
        return new IPAddress(bytes);
    }

    private static IPNetwork Parse(string name, string item)
    {
        var slash = item.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? item : item[..slash], out var address))
            throw new SettingsException(name, $"'{item}' is not an address or a network (e.g. 10.0.0.0/8)");
        address = Normalize(address);
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            throw new SettingsException(name, $"'{item}' has a prefix length outside 0..{bits}");
        return new IPNetwork(Mask(address, prefix), prefix);
    }
}
