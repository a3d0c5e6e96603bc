using System.Text.Json;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Endpoints;

/// <summary>
/// A text frame from the client: <c>{"type":"subscribe","stream":"hashtag","tag":"foo"}</c>. Lenient as
/// Mastodon: stream may be an array (its first item counts), list may be a number; anything that is not
/// such an object reads as null and is ignored.
/// </summary>
public sealed record ClientMessage(string Type, StreamRequest Request)
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";

    public static ClientMessage? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) return null;
            return new ClientMessage(type.GetString()!, new StreamRequest(Param(root, "stream"), Param(root, "tag"), Param(root, "list")));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Param(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array) value = value.GetArrayLength() > 0 ? value[0] : default;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
