using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Streaming.Tests.Support;

public static class SocketExtensions
{
    /// <summary>Sends <c>{"type":…,"stream":…}</c> plus extra fields (tag, list).</summary>
    public static Task CommandAsync(this WebSocketClient socket, string type, string stream, string? tag = null, string? list = null)
    {
        var message = new JsonObject { ["type"] = type, ["stream"] = stream };
        if (tag is not null) message["tag"] = tag;
        if (list is not null) message["list"] = list;
        return socket.SendJsonAsync(message);
    }

    /// <summary>Frames until one matches; the ones before it are returned too, so a test can check what else came.</summary>
    public static async Task<List<JsonNode>> ReceiveUntilAsync(this WebSocketClient socket, Func<JsonNode, bool> last, TimeSpan timeout)
    {
        var frames = new List<JsonNode>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var frame = await socket.ReceiveJsonAsync(deadline - DateTime.UtcNow);
            frames.Add(frame);
            if (last(frame)) return frames;
        }
    }
}
