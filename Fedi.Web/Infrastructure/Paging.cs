using Fedi.Core.Data;
using Fedi.Core.Identifiers;

namespace Fedi.Web.Infrastructure;

/// <summary>Mastodon's page sizes, and the binding of its cursor parameters: max_id / since_id / min_id (all exclusive) and limit.</summary>
public static class Paging
{
    /// <summary>Mastodon's DEFAULT_ACCOUNTS_LIMIT: lists of accounts (followers, blocks, mutes, list members).</summary>
    public const int Accounts = 40;

    /// <summary>Mastodon's DEFAULT_STATUSES_LIMIT: timelines, and conversations (paged by their last status).</summary>
    public const int Statuses = 20;

    /// <summary>Mastodon's BLOCK_LIMIT for domain blocks.</summary>
    public const int DomainBlocks = 100;

    /// <summary>limit defaults to <paramref name="defaultLimit"/> (one of the constants above) and is capped at twice that, as Mastodon's.</summary>
    public static Page Page(this RequestParameters p, int defaultLimit)
    {
        var limit = p.Int("limit") is { } requested ? (int)Math.Clamp(Math.Abs((long)requested), 1, defaultLimit * 2) : defaultLimit;
        return new Page(Snowflake.TryParse(p.String("max_id")), Snowflake.TryParse(p.String("since_id")),
            Snowflake.TryParse(p.String("min_id")), limit);
    }
}
