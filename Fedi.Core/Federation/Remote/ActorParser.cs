using System.Text.Json;

namespace Fedi.Core.Federation.Remote;

/// <summary>Reads a remote actor document; null when it is not an actor with an id, an inbox and a key it owns.</summary>
public static class ActorParser
{
    private static readonly string[] ActorTypes = ["Person", "Service", "Application", "Group", "Organization"];

    public static RemoteActor? Parse(JsonElement json, Uri fetchedFrom)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        var id = Str(json, "id");
        var type = Str(json, "type");
        if (id is null || type is null || !ActorTypes.Contains(type) || !Uri.TryCreate(id, UriKind.Absolute, out var idUri)) return null;
        // An actor's id must live on the host it was fetched from, or anyone could claim anyone's identity.
        if (!idUri.Host.Equals(fetchedFrom.Host, StringComparison.OrdinalIgnoreCase)) return null;
        var key = json.TryGetProperty("publicKey", out var k) && k.ValueKind == JsonValueKind.Object ? k : default;
        var pem = key.ValueKind == JsonValueKind.Object ? Str(key, "publicKeyPem") : null;
        var owner = key.ValueKind == JsonValueKind.Object ? Str(key, "owner") : null;
        var inbox = Str(json, "inbox");
        var username = Str(json, "preferredUsername");
        if (pem is null || inbox is null || username is null || (owner is not null && owner != id)) return null;
        var shared = json.TryGetProperty("endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object ? Str(endpoints, "sharedInbox") : null;
        var url = json.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        return new RemoteActor(id, Clip(username, 255), idUri.Authority.ToLowerInvariant(), Clip(Str(json, "name") ?? "", 255),
            Clip(Str(json, "summary") ?? "", 10_000), url, inbox, shared ?? "", Str(json, "outbox") ?? "", Str(json, "followers") ?? "",
            Str(json, "following") ?? "", pem,
            json.TryGetProperty("manuallyApprovesFollowers", out var locked) && locked.ValueKind == JsonValueKind.True,
            type is "Service" or "Application", type);
    }

    private static string? Str(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}
