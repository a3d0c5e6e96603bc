using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Search;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Search;

/// <summary>Reads Mastodon's search parameters, with its limits and its refusals for anonymous callers.</summary>
public static class SearchParameters
{
    public static SearchQuery Read(RequestParameters p, RequestAuth auth, int defaultLimit, int maxLimit)
    {
        var text = p.String("q") ?? throw ApiException.BadRequest("q is missing");
        var resolve = p.Bool("resolve") ?? false;
        var offset = p.Int("offset") ?? 0;
        if (auth.AccountId is null && resolve)
            throw new ApiException(401, "Search queries that resolve remote resources are not supported without authentication");
        if (auth.AccountId is null && offset > 0)
            throw new ApiException(401, "Search queries pagination is not supported without authentication");
        var type = p.String("type") switch
        {
            null or "" => SearchType.All,
            "accounts" => SearchType.Accounts,
            "hashtags" => SearchType.Hashtags,
            "statuses" => SearchType.Statuses,
            _ => throw ApiException.BadRequest("type must be accounts, hashtags or statuses"),
        };
        // An account_id that is no id matches no status rather than every one.
        long? accountId = p.Has("account_id") ? Snowflake.TryParse(p.String("account_id")) ?? -1 : null;
        var limit = p.Int("limit") is { } requested ? Math.Clamp(requested, 1, maxLimit) : defaultLimit;
        return new SearchQuery(text, type, resolve, p.Bool("following") ?? false, accountId, limit, Math.Clamp(offset, 0, 10_000));
    }
}
