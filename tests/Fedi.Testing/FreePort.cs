using System.Net;
using System.Net.Sockets;

namespace Fedi.Testing;

/// <summary>
/// Hands out loopback TCP ports that were free when asked for, never the same one twice per test run.
/// They come from below the kernel's ephemeral range: a port from bind(0) is an ephemeral one, which any
/// outgoing connection (to PostgreSQL, Redis, nginx's upstreams…) may take in the seconds before the child
/// process that was given it binds it.
/// </summary>
public static class FreePort
{
    /// <summary>The lowest port handed out, above the well-known and most registered service ports.</summary>
    internal const int Lowest = 20000;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>The first port of the ephemeral range (<c>ip_local_port_range</c>), 32768 when unknown.</summary>
    internal static int EphemeralStart { get; } = ReadEphemeralStart();

    /// <summary>A port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(Lowest, EphemeralStart);
            lock (HandedOut)
            {
                if (!HandedOut.Contains(port) && CanBind(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int ReadEphemeralStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            // A range starting too low to leave room below it: hand out ports below the usual start instead.
            return int.TryParse(first, out var start) && start > Lowest + 1000 ? start : 32768;
        }
        catch (IOException)
        {
            return 32768;
        }
    }
}
