using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fedi.Testing;

/// <summary>
/// One frame of the Mastodon streaming API: <c>{"stream":["user"],"event":"update","payload":"&lt;JSON string&gt;"}</c>.
/// The payload is a JSON document in a string for entities (update, notification…) and a bare id for <c>delete</c>.
/// </summary>
/// <param name="Frame">The whole frame as received.</param>
public sealed record StreamingEvent(JsonNode Frame)
{
    /// <summary>The event name (<c>update</c>, <c>notification</c>, <c>delete</c>…), or null for other messages (errors).</summary>
    public string? Event => Frame["event"]?.ToString();

    /// <summary>The stream names the frame is for, e.g. <c>["hashtag", "fedi"]</c>.</summary>
    public IReadOnlyList<string> Stream =>
        Frame["stream"] is JsonArray array ? [.. array.Select(item => item?.ToString() ?? "")] : [];

    /// <summary>The payload as sent: the entity's JSON text, an id, or null.</summary>
    public string? PayloadText => Frame["payload"] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    /// <summary>The payload parsed when it is a JSON object or array (an entity); null for ids and empty payloads.</summary>
    public JsonNode? Payload => PayloadText is { } text && text.TrimStart() is ['{' or '[', ..]
        ? JsonNode.Parse(text)
        : null;

    /// <inheritdoc/>
    public override string ToString() => Frame.ToJsonString();
}
