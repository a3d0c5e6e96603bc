using Fedi.Core.Statuses;

namespace Fedi.Core.Interactions;

/// <summary>
/// Mutes or unmutes the thread a status belongs to, for oneself (Mastodon's mute_conversation!): the status
/// and every other in the thread render muted; notifications from it are what the mute silences.
/// </summary>
public sealed class ConversationMuteService(VisibleStatuses visible, ConversationMuteStore mutes)
{
    public async Task<Status> MuteAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, accountId, ct);
        await mutes.InsertAsync(accountId, status.ConversationId ?? status.Id, ct);
        return status;
    }

    public async Task<Status> UnmuteAsync(long accountId, long statusId, CancellationToken ct = default)
    {
        var status = await visible.FindAsync(statusId, accountId, ct);
        await mutes.DeleteAsync(accountId, status.ConversationId ?? status.Id, ct);
        return status;
    }
}
