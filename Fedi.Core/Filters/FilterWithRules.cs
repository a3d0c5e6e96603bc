namespace Fedi.Core.Filters;

/// <summary>A filter with its keywords and statuses, as the API shows it.</summary>
public sealed record FilterWithRules(CustomFilter Filter, IReadOnlyList<CustomFilterKeyword> Keywords, IReadOnlyList<CustomFilterStatus> Statuses);
