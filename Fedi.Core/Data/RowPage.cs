namespace Fedi.Core.Data;

/// <summary>
/// One page of rows with the ids that are its Link-header cursors. For lists paginated by a join row (follows,
/// blocks, mutes), those are the join rows' ids, as Mastodon's, never the ids of the accounts listed.
/// </summary>
public sealed record RowPage<T>(IReadOnlyList<T> Items, IReadOnlyList<long> RowIds)
{
    public static readonly RowPage<T> Empty = new([], []);
}
