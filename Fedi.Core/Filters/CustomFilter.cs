namespace Fedi.Core.Filters;

/// <summary>A row of <c>custom_filters</c>: where it applies (<see cref="Context"/>) and what it does there (<see cref="Action"/>).</summary>
public sealed record CustomFilter
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public string Title { get; init; } = "";
    public string[] Context { get; init; } = [];
    public string Action { get; init; } = FilterRules.Warn;
    public DateTime? ExpiresAt { get; init; }

    public bool ActiveAt(DateTime now) => ExpiresAt is not { } at || at > now;
}
