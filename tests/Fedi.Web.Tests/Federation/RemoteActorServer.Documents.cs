using System.Text.Json.Nodes;

namespace Fedi.Web.Tests.Federation;

/// <summary>The documents the fake peer serves and the activities its actors send.</summary>
public sealed partial class RemoteActorServer
{
    private const string Public = "https://www.w3.org/ns/activitystreams#Public";

    /// <summary>A public Note by the first actor, served at its id; the Note itself.</summary>
    public JsonObject ServeNote(string content)
    {
        var id = NewId("statuses");
        var note = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = id, ["type"] = "Note", ["attributedTo"] = ActorUri,
            ["to"] = new JsonArray(Public), ["published"] = DateTimeOffset.UtcNow.ToString("o"), ["content"] = content,
        };
        Objects[id] = note;
        return note;
    }

    /// <summary>An activity by the first actor, addressed to the public, with a new id unless one is given.</summary>
    public JsonObject Activity(string type, JsonNode obj, string? id = null) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = id ?? NewId(type.ToLowerInvariant()), ["type"] = type,
        ["actor"] = ActorUri, ["to"] = new JsonArray(Public), ["object"] = obj,
    };

    /// <summary>The first actor's document, as served now (an Update carries it).</summary>
    public JsonObject Document() => Actor(Username);

    private JsonObject WebFinger(string username) => new()
    {
        ["subject"] = $"acct:{username}@{Domain}",
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "http://webfinger.net/rel/profile-page", ["type"] = "text/html", ["href"] = ProfileUrlOf(username) },
            new JsonObject { ["rel"] = "self", ["type"] = "application/activity+json", ["href"] = ActorUriOf(username) }),
    };

    private JsonObject Actor(string username)
    {
        var uri = ActorUriOf(username);
        var actor = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
            ["id"] = uri,
            ["type"] = "Person",
            ["preferredUsername"] = username,
            ["name"] = DisplayName,
            ["url"] = ProfileUrlOf(username),
            ["alsoKnownAs"] = new JsonArray(AlsoKnownAs.Select(a => (JsonNode?)a).ToArray()),
            ["inbox"] = $"{uri}/inbox",
            ["outbox"] = $"{uri}/outbox",
            ["followers"] = $"{uri}/followers",
            ["publicKey"] = new JsonObject { ["id"] = $"{uri}#main-key", ["owner"] = uri, ["publicKeyPem"] = _keys[username].ExportSubjectPublicKeyInfoPem() },
        };
        if (_sharedInbox) actor["endpoints"] = new JsonObject { ["sharedInbox"] = SharedInbox };
        return actor;
    }
}
