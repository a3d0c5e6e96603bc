namespace Fedi.Core.Relationships;

/// <summary>A row of <c>mutes</c>: <see cref="AccountId"/> hides <see cref="TargetAccountId"/>'s statuses until <see cref="ExpiresAt"/> (null: for good).</summary>
public sealed record Mute
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long TargetAccountId { get; init; }
    public bool HideNotifications { get; init; }
    public DateTime? ExpiresAt { get; init; }
}
