using System.Text.Json;

namespace Fedi.Core.Federation.Inbox;

/// <summary>An inbound activity as the processing job carries it: its verified signer's account and its JSON.</summary>
public sealed record InboxActivity(long ActorId, string ActorUri, string Type, string? Id, JsonElement Object, long? DeliveredTo)
{
    /// <summary>The whole activity (its addressing: to, cc), when parsed from JSON.</summary>
    public JsonElement Root { get; init; }

    /// <summary>The object's type when it is embedded, else null (a bare URI).</summary>
    public string? ObjectType => Object.ValueKind == JsonValueKind.Object ? Str(Object, "type") : null;

    /// <summary>The object's id: the string itself, or the embedded object's "id".</summary>
    public string? ObjectId => Object.ValueKind switch
    {
        JsonValueKind.String => Object.GetString(),
        JsonValueKind.Object => Str(Object, "id"),
        _ => null,
    };

    /// <summary>Null when the JSON is no activity with a type and an actor.</summary>
    public static InboxActivity? Parse(long actorId, string json, long? deliveredTo)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type) return null;
            var actor = root.TryGetProperty("actor", out var a) ? a.ValueKind == JsonValueKind.Object ? Str(a, "id") : Str(root, "actor") : null;
            if (actor is null) return null;
            var obj = root.TryGetProperty("object", out var o) ? o.Clone() : default;
            return new InboxActivity(actorId, actor, type, Str(root, "id"), obj, deliveredTo) { Root = root.Clone() };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Str(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s ? s : null;
}
