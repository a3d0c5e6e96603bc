using Dapper;
using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Relationships;

/// <summary>
/// Mutes an account (Mastodon's MuteService): the row is created or its options replaced, the muted account's
/// statuses leave the home feed (Mastodon's MuteWorker), and streaming connections reload. <paramref name="durationSeconds"/> 0 mutes for good. Muting yourself does nothing, as Mastodon.
/// </summary>
public sealed class MuteService(NpgsqlDataSource db, AccountStore accounts, ClearFromHomeService home, StreamPublisher streams, TimeProvider time)
{
    public async Task MuteAsync(long accountId, long targetAccountId, bool notifications, int durationSeconds, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        if (accountId == targetAccountId) return;
        if (durationSeconds < 0) throw ApiException.Unprocessable("Validation failed: Expires at must be in the future");
        DateTime? expiresAt = durationSeconds == 0 ? null : time.GetUtcNow().UtcDateTime.AddSeconds(durationSeconds);

        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mutes (account_id, target_account_id, hide_notifications, expires_at)
            VALUES (@accountId, @targetAccountId, @notifications, @expiresAt)
            ON CONFLICT (account_id, target_account_id) DO UPDATE
              SET hide_notifications = EXCLUDED.hide_notifications, expires_at = EXCLUDED.expires_at, updated_at = now()
            """, new { accountId, targetAccountId, notifications, expiresAt }, cancellationToken: ct));

        await home.ClearAsync(accountId, targetAccountId, ct);
        await streams.PublishRelationsChangedAsync(accountId);
    }
}
