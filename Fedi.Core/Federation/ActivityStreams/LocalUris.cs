using Fedi.Core.Configuration;

namespace Fedi.Core.Federation.ActivityStreams;

/// <summary>
/// The ActivityPub URIs of local actors and objects (Mastodon's legacy scheme, TagManager): an actor is
/// <c>/users/&lt;username&gt;</c>, its key <c>#main-key</c>, the instance actor <c>/actor</c>, the shared inbox <c>/inbox</c>.
/// A local status's REST <c>uri</c> is <see cref="Status"/>, written when it is posted.
/// </summary>
public sealed class LocalUris(InstanceOptions instance)
{
    /// <summary>The reserved account id of the instance actor (Mastodon's -99), inserted by migration 0080.</summary>
    public const long InstanceActorId = -99;

    public string Base => instance.WebBaseUrl;
    public string Actor(string username) => $"{Base}/users/{username}";
    public string InstanceActor => $"{Base}/actor";
    public string ActorOf(long accountId, string username) => accountId == InstanceActorId ? InstanceActor : Actor(username);
    public string KeyId(string actorUri) => $"{actorUri}#main-key";
    public string SharedInbox => $"{Base}/inbox";
    public string Inbox(string username) => $"{Actor(username)}/inbox";
    public string Outbox(string username) => $"{Actor(username)}/outbox";
    public string Followers(string username) => $"{Actor(username)}/followers";
    public string Following(string username) => $"{Actor(username)}/following";
    public string Featured(string username) => $"{Actor(username)}/collections/featured";
    public string Profile(string username) => $"{Base}/@{username}";
    public string Status(string username, long id) => $"{Actor(username)}/statuses/{id}";
    public string StatusActivity(string username, long id) => $"{Status(username, id)}/activity";
    public string StatusPage(string username, long id) => $"{Base}/@{username}/{id}";
    public string Tag(string name) => $"{Base}/tags/{Uri.EscapeDataString(name)}";

    /// <summary>The local username an actor URI names, or null when it is not one of ours.</summary>
    public string? UsernameOf(string actorUri)
    {
        var prefix = $"{Base}/users/";
        if (!actorUri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = actorUri[prefix.Length..];
        return rest.Length > 0 && !rest.Contains('/') && !rest.Contains('#') ? rest : null;
    }
}
