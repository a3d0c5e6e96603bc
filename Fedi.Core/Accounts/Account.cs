namespace Fedi.Core.Accounts;

/// <summary>A row of <c>accounts</c> joined with its <c>account_stats</c>.</summary>
public sealed record Account
{
    public long Id { get; init; }
    public required string Username { get; init; }
    public string? Domain { get; init; }
    public string DisplayName { get; init; } = "";
    public string Note { get; init; } = "";
    public string Uri { get; init; } = "";
    public string? Url { get; init; }
    public bool Locked { get; init; }
    public bool Bot { get; init; }
    public bool? Discoverable { get; init; }
    public DateTime? SuspendedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public long StatusesCount { get; init; }
    public long FollowingCount { get; init; }
    public long FollowersCount { get; init; }
    public DateTime? LastStatusAt { get; init; }
    /// <summary>The profile's name/value pairs as stored: a JSON array of {"name","value","verified_at"}.</summary>
    public string Fields { get; init; } = "[]";
    public bool Indexable { get; init; }
    public bool? HideCollections { get; init; }
    /// <summary>Person, Service, Application or Group; null is a Person.</summary>
    public string? ActorType { get; init; }
    /// <summary>Media storage keys of the uploaded avatar and header and of their static (first-frame) versions; null: the default image.</summary>
    public string? AvatarKey { get; init; }
    public string? AvatarStaticKey { get; init; }
    public string? HeaderKey { get; init; }
    public string? HeaderStaticKey { get; init; }

    public bool IsLocal => Domain is null;

    /// <summary>username for local accounts, username@domain for remote ones (Mastodon's acct).</summary>
    public string Acct => Domain is null ? Username : $"{Username}@{Domain}";
}
