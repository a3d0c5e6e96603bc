namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Account entity.</summary>
public record ApiAccount
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required string Acct { get; init; }
    public required string DisplayName { get; init; }
    public bool Locked { get; init; }
    public bool Bot { get; init; }
    public bool? Discoverable { get; init; }
    public bool Indexable { get; init; }
    public bool Group { get; init; }
    public required string CreatedAt { get; init; }
    public required string Note { get; init; }
    public required string Url { get; init; }
    public required string Uri { get; init; }
    public required string Avatar { get; init; }
    public required string AvatarStatic { get; init; }
    public required string Header { get; init; }
    public required string HeaderStatic { get; init; }
    public long FollowersCount { get; init; }
    public long FollowingCount { get; init; }
    public long StatusesCount { get; init; }
    public string? LastStatusAt { get; init; }
    public bool HideCollections { get; init; }
    public bool Noindex { get; init; }
    public IReadOnlyList<object> Emojis { get; init; } = [];
    public IReadOnlyList<object> Roles { get; init; } = [];
    public IReadOnlyList<ApiField> Fields { get; init; } = [];
}

/// <summary>verify_credentials: the Account entity plus its editable source and role.</summary>
public sealed record ApiCredentialAccount : ApiAccount
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public ApiCredentialAccount(ApiAccount account, ApiAccountSource source, ApiRole role) : base(account)
    {
        Source = source;
        Role = role;
    }

    public ApiAccountSource Source { get; init; }
    public ApiRole Role { get; init; }
}

public sealed record ApiAccountSource(string Privacy, bool Sensitive, string? Language, string Note, IReadOnlyList<ApiField> Fields, long FollowRequestsCount)
{
    public bool Indexable { get; init; }
    public bool? HideCollections { get; init; }
    public bool? Discoverable { get; init; }
}

/// <summary>Mastodon's Field: a profile's name/value pair (value as HTML on the account, as typed in its source).</summary>
public sealed record ApiField(string Name, string Value, string? VerifiedAt);

public sealed record ApiRole(string Id, string Name, string Color, string Permissions, bool Highlighted);
