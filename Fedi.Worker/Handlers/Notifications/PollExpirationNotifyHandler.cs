using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Notifications;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Notifications;

/// <summary><see cref="PollExpirationNotifyJob"/>: tells voters and the author that a poll has ended.</summary>
public sealed class PollExpirationNotifyHandler(PollNotifications notifications) : JobHandler<PollExpirationNotifyJob>
{
    public override Task PerformAsync(PollExpirationNotifyJob job, CancellationToken ct) => notifications.NotifyExpiredAsync(job.PollId, ct);
}
