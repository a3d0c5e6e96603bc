namespace Fedi.Core.Search;

/// <summary>Which kinds of result GET /api/v2/search returns (its <c>type</c>; none: all three).</summary>
public enum SearchType { All, Accounts, Hashtags, Statuses }

/// <summary>The parameters of GET /api/v2/search and /api/v1/accounts/search, already checked.</summary>
public sealed record SearchQuery(
    string Text,
    SearchType Type,
    bool Resolve,
    bool FollowingOnly,
    long? AccountId,
    int Limit,
    int Offset);

/// <summary>What a search found, each list in its own order.</summary>
public sealed record SearchResults(
    IReadOnlyList<Accounts.Account> Accounts,
    IReadOnlyList<Statuses.Status> Statuses,
    IReadOnlyList<Tags.Tag> Hashtags)
{
    public static readonly SearchResults Empty = new([], [], []);
}
