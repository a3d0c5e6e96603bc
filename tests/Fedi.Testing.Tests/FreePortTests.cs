using System.Net;
using System.Net.Sockets;

namespace Fedi.Testing.Tests;

public class FreePortTests
{
    [Test]
    public void A_free_port_can_be_bound_on_loopback()
    {
        var port = FreePort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        Assert.DoesNotThrow(listener.Start);
    }

    [Test]
    public void The_same_port_is_never_handed_out_twice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        Assert.That(ports, Is.Unique);
    }

    [Test]
    public void Ports_come_from_below_the_ephemeral_range_that_outgoing_connections_use()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        Assert.That(ports, Has.All.InRange(FreePort.Lowest, FreePort.EphemeralStart - 1));
    }
}
