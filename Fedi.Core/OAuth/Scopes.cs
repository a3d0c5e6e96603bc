namespace Fedi.Core.OAuth;

/// <summary>
/// Mastodon's OAuth scopes. A granular scope (read:statuses) is granted by itself or by its parent
/// (read); the legacy <c>follow</c> scope grants the follow, block and mute scopes.
/// </summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Follow = "follow";
    public const string Push = "push";
    public const string Profile = "profile";

    private static readonly string[] Granular =
    [
        "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
        "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
        "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
        "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
        "write:reports", "write:statuses",
        "admin:read", "admin:write",
        "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows", "admin:read:domain_blocks",
        "admin:read:ip_blocks", "admin:read:email_domain_blocks", "admin:read:canonical_email_blocks",
        "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows", "admin:write:domain_blocks",
        "admin:write:ip_blocks", "admin:write:email_domain_blocks", "admin:write:canonical_email_blocks",
    ];

    private static readonly HashSet<string> FollowGrants =
        ["read:blocks", "read:follows", "read:mutes", "write:blocks", "write:follows", "write:mutes"];

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Read, Write, Follow, Push, Profile, .. Granular], StringComparer.Ordinal);

    /// <summary>Splits a space-separated scope string ("read write:statuses"); duplicates removed, order kept.</summary>
    public static IReadOnlyList<string> Parse(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static bool IsKnown(string scope) => All.Contains(scope);

    /// <summary>True when <paramref name="granted"/> includes <paramref name="required"/> or a scope above it.</summary>
    public static bool Allows(IEnumerable<string> granted, string required)
    {
        foreach (var scope in granted)
        {
            if (scope == required) return true;
            if (required.StartsWith(scope + ":", StringComparison.Ordinal)) return true;
            if (scope == Follow && FollowGrants.Contains(required)) return true;
        }
        return false;
    }

    /// <summary>Every scope in Doorkeeper's configured order: the default (read) first, then the optional ones.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Read, Profile, Write, Follow, Push, .. Granular];

    /// <summary>
    /// A scope parameter a client may be granted: present, one line, only known scopes, and each within the
    /// application's (a granular scope is within its parent). Returns the parsed scopes, or null when invalid.
    /// </summary>
    public static IReadOnlyList<string>? ParseRequest(string? requested, IReadOnlyCollection<string> applicationScopes)
    {
        if (string.IsNullOrWhiteSpace(requested) || requested.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0) return null;
        var scopes = Parse(requested);
        return scopes.All(IsKnown) && AllWithin(scopes, applicationScopes) ? scopes : null;
    }

    /// <summary>True when every scope in <paramref name="requested"/> is within <paramref name="allowed"/>.</summary>
    public static bool AllWithin(IEnumerable<string> requested, IReadOnlyCollection<string> allowed) =>
        requested.All(scope => Allows(allowed, scope));
}
