namespace Fedi.Core.Filters;

/// <summary>A row of <c>custom_filter_keywords</c>.</summary>
public sealed record CustomFilterKeyword
{
    public long Id { get; init; }
    public long CustomFilterId { get; init; }
    public string Keyword { get; init; } = "";
    public bool WholeWord { get; init; }
}
