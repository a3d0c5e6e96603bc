namespace Fedi.Core.Statuses;

/// <summary>A row of <c>statuses</c>. For local statuses <see cref="Text"/> is the author's plain text.</summary>
public sealed record Status
{
    public long Id { get; init; }
    public string? Uri { get; init; }
    public string? Url { get; init; }
    public string Text { get; init; } = "";
    public string SpoilerText { get; init; } = "";
    public bool Sensitive { get; init; }
    public StatusVisibility Visibility { get; init; }
    public string? Language { get; init; }
    public bool Reply { get; init; }
    public long? InReplyToId { get; init; }
    public long? InReplyToAccountId { get; init; }
    public long? ReblogOfId { get; init; }
    /// <summary>The id of the thread's root (the status itself for a root), shared by every reply under it.</summary>
    public long? ConversationId { get; init; }
    public long AccountId { get; init; }
    public long? ApplicationId { get; init; }
    public bool Local { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? EditedAt { get; init; }
    public DateTime? DeletedAt { get; init; }

    /// <summary>Public, not a reblog, and not a reply to someone else: what public timelines and channels show.</summary>
    public bool IsBroadcast =>
        Visibility == StatusVisibility.Public && ReblogOfId is null && (!Reply || InReplyToAccountId == AccountId);
}
