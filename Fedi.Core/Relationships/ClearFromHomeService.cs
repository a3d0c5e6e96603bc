using Dapper;
using Fedi.Core.Feeds;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>
/// Mastodon's FeedManager#clear_from_home after a block or mute: takes out of the home feed the statuses of
/// an account and reblogs of them, whether or not the owner still follows it (UnmergeWorker only covers
/// unfollows). One read of the feed (at most 800 ids) and one query, so it runs inline.
/// </summary>
public sealed class ClearFromHomeService(NpgsqlDataSource db, FeedManager feeds)
{
    public async Task ClearAsync(long accountId, long targetAccountId, CancellationToken ct = default)
    {
        var inFeed = await feeds.ListHomeEntriesAsync(accountId);
        if (inFeed.Count == 0) return;
        await using var conn = await db.OpenConnectionAsync(ct);
        var theirs = (await conn.QueryAsync<long>(new CommandDefinition("""
            SELECT s.id FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
            WHERE s.id = ANY(@inFeed) AND (s.account_id = @targetAccountId OR r.account_id = @targetAccountId)
            """, new { inFeed = inFeed.ToArray(), targetAccountId }, cancellationToken: ct))).AsList();
        if (theirs.Count > 0) await feeds.RemoveFromHomeFeedAsync(accountId, theirs);
    }
}
