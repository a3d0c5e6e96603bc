namespace Fedi.Core.Data;

/// <summary>
/// A Mastodon cursor page: ids strictly below <see cref="MaxId"/>, strictly above <see cref="SinceId"/>
/// (newest first), or the <see cref="Limit"/> ids right after <see cref="MinId"/> (then still returned
/// newest first).
/// </summary>
public sealed record Page(long? MaxId, long? SinceId, long? MinId, int Limit)
{
    public static Page Newest(int limit) => new(null, null, null, limit);

    /// <summary>Lower bound: min_id wins over since_id, both exclusive.</summary>
    public long? LowerBound => MinId ?? SinceId;

    /// <summary>Scanning upward from min_id: SQL orders ascending, then the page is flipped.</summary>
    public bool Ascending => MinId is not null;

    /// <summary>SQL condition over <paramref name="column"/> using parameters @maxId and @lowerBound.</summary>
    public static string Where(string column) =>
        $"(@maxId::bigint IS NULL OR {column} < @maxId) AND (@lowerBound::bigint IS NULL OR {column} > @lowerBound)";

    public string OrderBy(string column) => Ascending ? $"{column} ASC" : $"{column} DESC";

    /// <summary>Puts rows fetched in SQL order back into newest-first order.</summary>
    public IReadOnlyList<T> NewestFirst<T>(IEnumerable<T> rows)
    {
        var list = rows.ToList();
        if (Ascending) list.Reverse();
        return list;
    }
}
