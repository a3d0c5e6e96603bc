namespace Fedi.Core.ScheduledStatuses;

/// <summary>A row of <c>scheduled_statuses</c>; <see cref="Params"/> is the JSON of <see cref="ScheduledStatusParams"/>.</summary>
public sealed record ScheduledStatus
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public DateTime ScheduledAt { get; init; }
    public string Params { get; init; } = "{}";
}
