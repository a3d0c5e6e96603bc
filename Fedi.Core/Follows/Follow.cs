namespace Fedi.Core.Follows;

/// <summary>A row of <c>follows</c>: <see cref="AccountId"/> follows <see cref="TargetAccountId"/>.</summary>
public sealed record Follow
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long TargetAccountId { get; init; }
    public bool ShowReblogs { get; init; } = true;
    public bool Notify { get; init; }
    /// <summary>Only statuses in these languages reach the follower's home feed; null for all.</summary>
    public string[]? Languages { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>A remote follow request's Follow activity id, answered with it; null otherwise.</summary>
    public string? Uri { get; init; }
}

/// <summary>Follow options as the client sent them; null leaves the current value (or the default) alone.</summary>
public sealed record FollowOptions(bool? Reblogs = null, bool? Notify = null, IReadOnlyList<string>? Languages = null);
