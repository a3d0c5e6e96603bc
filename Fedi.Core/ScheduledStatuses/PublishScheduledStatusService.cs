using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Core.Statuses;
using Microsoft.Extensions.Logging;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>
/// Mastodon's PublishScheduledStatusWorker: posts a due scheduled status through <see cref="PostStatusService"/>,
/// as if its author posted it now, then deletes the row. The idempotency key of the row makes a retry after a
/// crash between the two return the status already posted; a post that no longer passes (its parent gone, its
/// author suspended) is dropped, as Mastodon drops it.
/// </summary>
public sealed partial class PublishScheduledStatusService(
    ScheduledStatusStore store, AccountStore accounts, PostStatusService post, TimeProvider time, ILogger<PublishScheduledStatusService> logger)
{
    public async Task PublishAsync(long scheduledStatusId, CancellationToken ct = default)
    {
        if (await store.FindAsync(scheduledStatusId, null, ct) is not { } row) return;
        if (row.ScheduledAt > time.GetUtcNow().UtcDateTime.AddSeconds(1)) return;
        var author = await accounts.FindAsync(row.AccountId, ct);
        var input = ScheduledStatusParams.Parse(row.Params);
        if (author is { SuspendedAt: null })
        {
            try
            {
                await post.PostAsync(author, input.ToNewStatus($"scheduled-{row.Id}"), ct);
            }
            catch (ApiException e)
            {
                Dropped(row.Id, e.Message);
            }
        }
        await store.DeleteAsync(row.Id, null, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled status {Id} dropped: {Reason}")]
    private partial void Dropped(long id, string reason);
}
