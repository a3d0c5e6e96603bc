using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Streams;

namespace Fedi.Core.Relationships;

/// <summary>
/// Mutes an account (Mastodon's MuteService): the row is created or its options replaced, the muted account's
/// statuses leave the home feed (Mastodon's MuteWorker), and streaming connections reload. <paramref name="durationSeconds"/> 0 mutes for good. Muting yourself does nothing, as Mastodon.
/// </summary>
public sealed class MuteService(MuteStore mutes, AccountStore accounts, ClearFromHomeService home, StreamPublisher streams, TimeProvider time)
{
    public async Task MuteAsync(long accountId, long targetAccountId, bool notifications, int durationSeconds, CancellationToken ct = default)
    {
        if (await accounts.FindAsync(targetAccountId, ct) is null) throw ApiException.NotFound();
        if (accountId == targetAccountId) return;
        if (durationSeconds < 0) throw ApiException.Unprocessable("Validation failed: Expires at must be in the future");
        DateTime? expiresAt = durationSeconds == 0 ? null : time.GetUtcNow().UtcDateTime.AddSeconds(durationSeconds);

        await mutes.InsertAsync(accountId, targetAccountId, notifications, expiresAt, ct);

        await home.ClearAsync(accountId, targetAccountId, ct);
        await streams.PublishRelationsChangedAsync(accountId);
    }
}
