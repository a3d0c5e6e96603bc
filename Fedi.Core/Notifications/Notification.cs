namespace Fedi.Core.Notifications;

/// <summary>A row of <c>notifications</c>: <see cref="FromAccountId"/> did <see cref="Type"/> to the recipient <see cref="AccountId"/>.</summary>
public sealed record Notification
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long FromAccountId { get; init; }
    public required string Type { get; init; }
    public long? StatusId { get; init; }
    public string? GroupKey { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The key v2 groups by: ungrouped types get one of their own, as Mastodon's <c>ungrouped-&lt;id&gt;</c>.</summary>
    public string EffectiveGroupKey => GroupKey ?? $"ungrouped-{Id}";
}

/// <summary>Which notifications a list asks for (Mastodon's types[], exclude_types[], account_id).</summary>
public sealed record NotificationFilter(string[] Types, string[] ExcludeTypes, long? FromAccountId)
{
    public static readonly NotificationFilter All = new([], [], null);
}
