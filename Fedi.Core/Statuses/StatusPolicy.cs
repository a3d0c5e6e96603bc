using Dapper;
using Npgsql;

namespace Fedi.Core.Statuses;

/// <summary>Who may see a status (Mastodon's StatusPolicy#show?).</summary>
public sealed class StatusPolicy(NpgsqlDataSource db, StatusFilterStore filter)
{
    /// <summary>
    /// Public and unlisted: anyone but an account the author (or reblogged author) blocks. Private: the author,
    /// followers and mentioned accounts. Direct: the author and mentioned accounts.
    /// </summary>
    public async Task<bool> CanViewAsync(Status status, long? viewerId, CancellationToken ct = default)
    {
        if (status.Visibility is StatusVisibility.Public or StatusVisibility.Unlisted)
            return viewerId is null || viewerId == status.AccountId || !await filter.IsBlockedByAuthorAsync(status, viewerId.Value, ct);
        if (viewerId is null) return false;
        if (viewerId == status.AccountId) return true;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM mentions WHERE status_id = @statusId AND account_id = @viewerId)
                OR (@private AND EXISTS (SELECT 1 FROM follows WHERE account_id = @viewerId AND target_account_id = @authorId))
            """, new { statusId = status.Id, viewerId, authorId = status.AccountId, @private = status.Visibility == StatusVisibility.Private },
            cancellationToken: ct));
    }
}
