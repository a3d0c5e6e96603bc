using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Fedi.Streaming.SignalR;

/// <summary>
/// The arguments of the hub's <c>event</c> message, <c>(stream[], eventName, payload)</c>, read from the
/// WebSocket frame the channel event already encoded. That frame is one shared array per event and stream
/// name (<see cref="Subscriptions.ChannelEvent.WebSocketFrame"/>), so the arguments are parsed once per
/// event and stream name, not once per hub connection; the weak table lets them go with the frame.
/// </summary>
public static class HubEventArguments
{
    private static readonly ConditionalWeakTable<byte[], object[]> Cache = new();

    public static object[] From(byte[] webSocketFrame) => Cache.GetValue(webSocketFrame, Parse);

    private static object[] Parse(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var stream = root.GetProperty("stream").EnumerateArray().Select(part => part.GetString() ?? "").ToArray();
        return [stream, root.GetProperty("event").GetString() ?? "", root.GetProperty("payload").GetString() ?? ""];
    }
}
