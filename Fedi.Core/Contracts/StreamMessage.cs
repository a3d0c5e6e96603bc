using System.Text.Json;

namespace Fedi.Core.Contracts;

/// <summary>
/// A message on a <see cref="RedisChannels"/> channel: <c>{"event":"update","payload":{…entity…}}</c>.
/// Entity payloads are JSON objects (current Mastodon); <c>delete</c> carries the id as a string;
/// <c>kill</c> has none. Written by web and worker through <see cref="Streams.StreamPublisher"/>, read by streaming.
/// </summary>
public sealed record StreamMessage(string Event, string? Payload)
{
    /// <summary>An entity event; <paramref name="entityJson"/> is the entity already serialized.</summary>
    public static string Encode(string eventName, string entityJson) =>
        $"{{\"event\":{JsonSerializer.Serialize(eventName)},\"payload\":{entityJson}}}";

    public static string EncodeDelete(long statusId) => $"{{\"event\":\"delete\",\"payload\":\"{statusId}\"}}";

    public static string EncodeKill() => "{\"event\":\"kill\"}";

    /// <summary><see cref="StreamEvents.FiltersChanged"/>, which carries no payload.</summary>
    public static string EncodeFiltersChanged() => "{\"event\":\"filters_changed\"}";

    /// <summary><see cref="StreamEvents.RelationsChanged"/>, which carries no payload.</summary>
    public static string EncodeRelationsChanged() => "{\"event\":\"relations_changed\"}";

    /// <summary>
    /// Reads a channel message. <see cref="Payload"/> is the payload's JSON text exactly as the producer wrote
    /// it when it was an object, or the string itself when it was a string (older producers pre-encoded the
    /// entity that way). Returns null for anything malformed; a consumer never crashes on a bad message.
    /// </summary>
    public static StreamMessage? TryDecode(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!root.TryGetProperty("event", out var ev) || ev.ValueKind != JsonValueKind.String) return null;
            var name = ev.GetString()!;
            if (name.Length == 0) return null;
            // Raw text rather than a re-serialised node: the entity reaches clients byte for byte, unescaped.
            string? payload = !root.TryGetProperty("payload", out var p) ? null : p.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.GetString(),
                _ => p.GetRawText(),
            };
            return new StreamMessage(name, payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
