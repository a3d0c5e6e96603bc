using System.Text.Json.Serialization;
using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Documents;

namespace Fedi.Core.Federation.Discovery;

/// <summary>A WebFinger answer (RFC 7033 JRD).</summary>
public sealed record WebFingerLink(
    string Rel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Href = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Template = null);

public sealed record WebFingerResponse(string Subject, IReadOnlyList<string> Aliases, IReadOnlyList<WebFingerLink> Links);

/// <summary>
/// Answers WebFinger for local accounts (Mastodon's WebfingerController and WebfingerResource): the resource
/// is <c>acct:user@domain</c>, <c>user@domain</c>, an actor URI or a profile URL; the local or web domain
/// itself names the instance actor. Null when nothing local matches.
/// </summary>
public sealed class WebFingerService(LocalActorService actors, LocalUris uris, InstanceOptions instance)
{
    public async Task<WebFingerResponse?> FindAsync(string resource, CancellationToken ct = default)
    {
        var username = Username(resource.Trim());
        if (username is null) return null;
        if (username == "") return InstanceActor();
        return await actors.FindAsync(username, ct) is { } account ? Render(account) : null;
    }

    /// <summary>The username a resource names; "" for the instance actor; null when it is not local or not a resource.</summary>
    private string? Username(string resource)
    {
        if (resource.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || resource.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (resource.Equals(uris.InstanceActor, StringComparison.OrdinalIgnoreCase)) return "";
            if (uris.UsernameOf(resource) is { } fromActor) return fromActor;
            var profile = $"{uris.Base}/@";
            return resource.StartsWith(profile, StringComparison.OrdinalIgnoreCase) && resource.Length > profile.Length
                && !resource[profile.Length..].Contains('/') ? resource[profile.Length..] : null;
        }
        var acct = resource.StartsWith("acct:", StringComparison.OrdinalIgnoreCase) ? resource[5..] : resource;
        var at = acct.TrimStart('@').LastIndexOf('@');
        if (at < 0) return null;
        acct = acct.TrimStart('@');
        var (user, domain) = (acct[..at], acct[(at + 1)..]);
        if (!IsLocalDomain(domain) || user.Length == 0) return null;
        return user.Equals(instance.LocalDomain, StringComparison.OrdinalIgnoreCase) || user.Equals(instance.WebDomain, StringComparison.OrdinalIgnoreCase) ? "" : user;
    }

    private bool IsLocalDomain(string domain) =>
        domain.Equals(instance.LocalDomain, StringComparison.OrdinalIgnoreCase) || domain.Equals(instance.WebDomain, StringComparison.OrdinalIgnoreCase);

    private WebFingerResponse Render(Account account)
    {
        var actor = uris.Actor(account.Username);
        var profile = uris.Profile(account.Username);
        return new($"acct:{account.Username}@{instance.LocalDomain}", [profile, actor],
        [
            new("http://webfinger.net/rel/profile-page", "text/html", profile),
            new("self", ActivityContext.MediaType, actor),
            new("http://ostatus.org/schema/1.0/subscribe", Template: $"{uris.Base}/authorize_interaction?uri={{uri}}"),
        ]);
    }

    private WebFingerResponse InstanceActor() =>
        new($"acct:{instance.LocalDomain}@{instance.LocalDomain}", [uris.InstanceActor],
        [
            new("http://webfinger.net/rel/profile-page", "text/html", $"{uris.Base}/about/more?instance_actor=true"),
            new("self", ActivityContext.MediaType, uris.InstanceActor),
        ]);
}
