using System.Text.Json.Nodes;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// The JSON-LD contexts of every document: only the two every implementation ships (ActivityStreams and
/// security v1) plus Mastodon's extension terms defined inline, so a peer never has to fetch an unknown context.
/// </summary>
public static class ActivityContext
{
    public const string ActivityStreams = "https://www.w3.org/ns/activitystreams";
    public const string Security = "https://w3id.org/security/v1";
    public const string Public = "https://www.w3.org/ns/activitystreams#Public";

    /// <summary>The media type of every document served and sent.</summary>
    public const string MediaType = "application/activity+json";

    /// <summary>An actor's context: the terms Mastodon's actor serializer adds.</summary>
    public static JsonArray Actor() =>
    [
        ActivityStreams, Security,
        new JsonObject
        {
            ["manuallyApprovesFollowers"] = "as:manuallyApprovesFollowers",
            ["toot"] = "http://joinmastodon.org/ns#",
            ["featured"] = new JsonObject { ["@id"] = "toot:featured", ["@type"] = "@id" },
            ["discoverable"] = "toot:discoverable",
            ["indexable"] = "toot:indexable",
            ["schema"] = "http://schema.org#",
            ["PropertyValue"] = "schema:PropertyValue",
            ["value"] = "schema:value",
        },
    ];

    /// <summary>A status's or activity's context: sensitive and Hashtag are not ActivityStreams core terms.</summary>
    public static JsonArray Object() =>
    [
        ActivityStreams,
        new JsonObject
        {
            ["sensitive"] = "as:sensitive",
            ["Hashtag"] = "as:Hashtag",
            ["toot"] = "http://joinmastodon.org/ns#",
        },
    ];
}
