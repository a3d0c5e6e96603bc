using System.Net.WebSockets;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>SIGTERM closes every client politely, then the process exits 0: on an instance of its own.</summary>
public sealed class ShutdownTests
{
    [Test]
    public async Task Sigterm_closes_sockets_with_1001_ends_event_streams_and_exits_zero()
    {
        await using var cluster = await StreamingCluster.StartOwnInstanceAsync();
        var user = await new TestAccounts(cluster).CreateAsync();
        using var socket = await RawSocket.ConnectAsync(cluster.StreamingWebSocketUrl, user.Token, "&stream=user");
        await using var events = await EventSourceClient.ConnectAsync(cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);
        Assert.That(await events.ReadLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(":)"));

        var exitCode = await cluster.Streaming!.StopAsync(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Zero);
        Assert.That(await socket.ReceiveAsync(TimeSpan.FromSeconds(5)), Is.Null);
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
        Assert.That(await events.ReadBodyAsync(), Is.Empty, "the event stream ended cleanly");
    }
}
