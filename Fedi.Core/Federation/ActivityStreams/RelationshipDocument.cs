using System.Text.Json.Nodes;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// The activities of one local actor towards one remote actor (Mastodon's FollowSerializer, UndoFollowSerializer,
/// AcceptFollowSerializer, RejectFollowSerializer, BlockSerializer, UndoBlockSerializer), and the Update of an actor.
/// A Follow's id names its follow request, so a re-follow after an unfollow is a new activity.
/// </summary>
public static class RelationshipDocument
{
    public static string FollowId(string actor, long requestId) => $"{actor}#follows/{requestId}";

    public static JsonObject Follow(string actor, string target, string id) => Activity(id, "Follow", actor, target);

    public static JsonObject UndoFollow(string actor, string target) =>
        Undo(actor, Activity($"{actor}#follows/undone", "Follow", actor, target));

    /// <summary>Accept or Reject of <paramref name="follower"/>'s Follow <paramref name="followId"/> of <paramref name="actor"/>.</summary>
    public static JsonObject Answer(string type, string actor, string follower, string? followId) =>
        Activity($"{actor}#{type.ToLowerInvariant()}s/follows/{Guid.NewGuid():N}", type, actor, new JsonObject
        {
            ["id"] = followId,
            ["type"] = "Follow",
            ["actor"] = follower,
            ["object"] = actor,
        });

    public static JsonObject Block(string actor, string target) => Activity($"{actor}#blocks/{Guid.NewGuid():N}", "Block", actor, target);

    public static JsonObject UndoBlock(string actor, string target) => Undo(actor, Activity($"{actor}#blocks/undone", "Block", actor, target));

    /// <summary>An Update of the actor document, to the public as Mastodon's UpdateSerializer addresses it.</summary>
    public static JsonObject UpdateActor(JsonObject actorDocument, DateTimeOffset at)
    {
        var actor = (string)actorDocument["id"]!;
        var update = Activity($"{actor}#updates/{at.ToUnixTimeMilliseconds()}", "Update", actor, actorDocument);
        update["@context"] = actorDocument["@context"]!.DeepClone();
        update["to"] = new JsonArray(ActivityContext.Public);
        actorDocument.Remove("@context");
        return update;
    }

    private static JsonObject Undo(string actor, JsonObject undone)
    {
        undone.Remove("@context");
        return Activity($"{actor}#undos/{Guid.NewGuid():N}", "Undo", actor, undone);
    }

    private static JsonObject Activity(string id, string type, string actor, JsonNode @object) => new()
    {
        ["@context"] = ActivityContext.ActivityStreams,
        ["id"] = id,
        ["type"] = type,
        ["actor"] = actor,
        ["object"] = @object,
    };
}
