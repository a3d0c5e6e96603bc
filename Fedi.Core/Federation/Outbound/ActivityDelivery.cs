using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;

namespace Fedi.Core.Federation.Outbound;

/// <summary>
/// Turns one rendered activity into one <see cref="DeliveryJob"/> per inbox, pushed a thousand per Redis round trip
/// (Mastodon's DeliveryWorker.push_bulk with limit 1,000). The JSON is rendered once; each job signs its own POST.
/// </summary>
public sealed class ActivityDelivery(JobClient jobs)
{
    public const int BatchSize = 1000;

    public async Task DeliverAsync(string json, long sourceAccountId, IReadOnlyCollection<string> inboxes, CancellationToken ct = default)
    {
        foreach (var batch in inboxes.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            await jobs.EnqueueManyAsync(batch.Select(inbox => new DeliveryJob(json, sourceAccountId, inbox)));
        }
    }
}
