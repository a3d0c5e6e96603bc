using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts;

/// <summary>
/// A message on a <see cref="RedisChannels"/> channel: <c>{"event":"update","payload":{…entity…}}</c>.
/// Entity payloads are JSON objects (current Mastodon); <c>delete</c> carries the id as a string;
/// <c>kill</c> has none. Written by web and worker, read by streaming.
/// </summary>
public sealed record StreamMessage(string Event, string? Payload)
{
    /// <summary>An entity event; <paramref name="entityJson"/> is the entity already serialized.</summary>
    public static string Encode(string eventName, string entityJson) =>
        $"{{\"event\":{JsonSerializer.Serialize(eventName)},\"payload\":{entityJson}}}";

    public static string EncodeDelete(long statusId) => $"{{\"event\":\"delete\",\"payload\":\"{statusId}\"}}";

    public static string EncodeKill() => "{\"event\":\"kill\"}";

    /// <summary>
    /// Reads a channel message. <see cref="Payload"/> is the payload as a JSON text when it was an object,
    /// or the string itself when it was a string (older producers pre-encoded the entity that way).
    /// Returns null for anything malformed; a consumer never crashes on a bad message.
    /// </summary>
    public static StreamMessage? TryDecode(string message)
    {
        try
        {
            if (JsonNode.Parse(message) is not JsonObject obj) return null;
            if (obj["event"] is not JsonValue ev || !ev.TryGetValue<string>(out var name) || name.Length == 0) return null;
            string? payload = obj["payload"] switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonNode node => node.ToJsonString(),
            };
            return new StreamMessage(name, payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
