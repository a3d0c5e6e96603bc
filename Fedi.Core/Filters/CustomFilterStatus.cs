namespace Fedi.Core.Filters;

/// <summary>A row of <c>custom_filter_statuses</c>.</summary>
public sealed record CustomFilterStatus
{
    public long Id { get; init; }
    public long CustomFilterId { get; init; }
    public long StatusId { get; init; }
}
