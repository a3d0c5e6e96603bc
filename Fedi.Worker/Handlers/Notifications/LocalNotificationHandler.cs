using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Notifications;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Notifications;

/// <summary><see cref="LocalNotificationJob"/>: one notification for a local account.</summary>
public sealed class LocalNotificationHandler(NotifyService notify) : JobHandler<LocalNotificationJob>
{
    public override async Task PerformAsync(LocalNotificationJob job, CancellationToken ct)
    {
        if (NotificationTypes.Parse(job.Type) is not { } type) throw new PermanentJobException($"unknown notification type {job.Type}");
        await notify.NotifyAsync(type, job.RecipientAccountId, job.FromAccountId, job.StatusId, ct);
    }
}
