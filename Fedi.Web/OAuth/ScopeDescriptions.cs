namespace Fedi.Web.OAuth;

/// <summary>What each scope lets an application do, in Mastodon's words (doorkeeper.scopes).</summary>
public static class ScopeDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["read"] = "read all your account's data",
        ["write"] = "modify all your account's data",
        ["follow"] = "modify account relationships",
        ["push"] = "receive your push notifications",
        ["profile"] = "read only your account's profile information",
        ["read:accounts"] = "see accounts information",
        ["read:blocks"] = "see your blocks",
        ["read:bookmarks"] = "see your bookmarks",
        ["read:favourites"] = "see your favorites",
        ["read:filters"] = "see your filters",
        ["read:follows"] = "see your follows",
        ["read:lists"] = "see your lists",
        ["read:mutes"] = "see your mutes",
        ["read:notifications"] = "see your notifications",
        ["read:search"] = "search on your behalf",
        ["read:statuses"] = "see all posts",
        ["write:accounts"] = "modify your profile",
        ["write:blocks"] = "block accounts and domains",
        ["write:bookmarks"] = "bookmark posts",
        ["write:conversations"] = "mute and delete conversations",
        ["write:favourites"] = "favorite posts",
        ["write:filters"] = "create filters",
        ["write:follows"] = "follow people",
        ["write:lists"] = "create lists",
        ["write:media"] = "upload media files",
        ["write:mutes"] = "mute people and conversations",
        ["write:notifications"] = "clear your notifications",
        ["write:reports"] = "report other people",
        ["write:statuses"] = "publish posts",
        ["admin:read"] = "read all data on the server",
        ["admin:write"] = "modify all data on the server",
    };

    public static string Of(string scope) =>
        Descriptions.TryGetValue(scope, out var text) ? text
        : scope.StartsWith("admin:read:", StringComparison.Ordinal) ? $"read sensitive information of all {scope["admin:read:".Length..].Replace('_', ' ')}"
        : scope.StartsWith("admin:write:", StringComparison.Ordinal) ? $"perform moderation actions on {scope["admin:write:".Length..].Replace('_', ' ')}"
        : scope;
}
