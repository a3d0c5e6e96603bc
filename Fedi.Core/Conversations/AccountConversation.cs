namespace Fedi.Core.Conversations;

/// <summary>A row of <c>account_conversations</c>: one account's view of a direct conversation.</summary>
public sealed record AccountConversation
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    /// <summary>The other participants, sorted; empty when the account wrote only to itself.</summary>
    public long[] ParticipantAccountIds { get; init; } = [];
    public long? LastStatusId { get; init; }
    public bool Unread { get; init; }
}
