using Fedi.Core.Accounts;
using Fedi.Core.Statuses;
using Fedi.Core.Tags;

namespace Fedi.Core.Search;

/// <summary>
/// Mastodon's SearchService: accounts, hashtags and statuses matching the query, each kind when its type is
/// asked for. Statuses only for a signed-in viewer (Mastodon does not search posts anonymously). With
/// <c>resolve</c>, an <c>@user@host</c> or URL query goes to <see cref="IRemoteResolver"/> first.
/// </summary>
public sealed class SearchService(
    AccountSearchStore accountSearch,
    StatusSearchStore statusSearch,
    HashtagSearchStore hashtagSearch,
    AccountStore accounts,
    IRemoteResolver resolver)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, long? viewerId, CancellationToken ct = default)
    {
        var text = query.Text.Trim();
        if (text.Length == 0) return SearchResults.Empty;

        if (query.Resolve && viewerId is { } viewer && LooksRemote(text)
            && await resolver.ResolveAsync(text, viewer, ct) is { } resolved)
            return new SearchResults(
                Wanted(query, SearchType.Accounts) && resolved.Account is { } a ? [a] : [],
                Wanted(query, SearchType.Statuses) && resolved.Status is { } s ? [s] : [],
                []);

        var found = Wanted(query, SearchType.Accounts) ? await AccountsAsync(text, query, viewerId, ct) : [];
        var tags = Wanted(query, SearchType.Hashtags) ? await HashtagsAsync(text, query, ct) : [];
        var statuses = Wanted(query, SearchType.Statuses) && viewerId is { } reader
            ? await statusSearch.SearchAsync(text, reader, query.AccountId, query.Limit, query.Offset, ct)
            : [];
        return new SearchResults(found, statuses, tags);
    }

    /// <summary>Accounts in the store's order: exact acct, then followed, then local and best known.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(string text, SearchQuery query, long? viewerId, CancellationToken ct = default)
    {
        var handle = text.Trim().TrimStart('@');
        if (handle.Length == 0) return [];
        var at = handle.IndexOf('@');
        var username = at < 0 ? handle : handle[..at];
        var domain = at < 0 ? null : handle[(at + 1)..];
        if (username.Length == 0) return [];
        var ids = await accountSearch.SearchAsync(username, domain, at < 0 ? handle : null,
            viewerId, query.FollowingOnly && viewerId is not null, query.Limit, query.Offset, ct);
        var rows = (await accounts.ListAsync(ids, ct)).ToDictionary(a => a.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private async Task<IReadOnlyList<Tag>> HashtagsAsync(string text, SearchQuery query, CancellationToken ct)
    {
        var name = HashtagNormalizer.Normalize(text.TrimStart('#'));
        return name.Length == 0 ? [] : await hashtagSearch.SearchAsync(name, query.Limit, query.Offset, ct);
    }

    private static bool Wanted(SearchQuery query, SearchType type) => query.Type == SearchType.All || query.Type == type;

    /// <summary>A URL, or a handle with a host (<c>user@host</c>, <c>@user@host</c>): what federation could fetch.</summary>
    private static bool LooksRemote(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart('@').Split('@') is [{ Length: > 0 }, { Length: > 0 } host] && host.Contains('.');
}
