using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Statuses;

namespace Fedi.Core.Notifications;

/// <summary>
/// Renders notifications for their recipient in batches: their senders and statuses loaded once per page.
/// Lives beside the notifications rather than in ClientApi/Rendering because the notifier renders the stream
/// payload itself, and rendering must not depend on the notifications it renders.
/// </summary>
public sealed class NotificationRenderer(AccountStore accounts, AccountRenderer accountRenderer, StatusStore statuses, StatusRenderer statusRenderer)
{
    /// <summary>Notifications whose sender or status is gone are left out.</summary>
    public async Task<IReadOnlyList<ApiNotification>> RenderManyAsync(IReadOnlyList<Notification> page, long recipientId, CancellationToken ct = default)
    {
        var (senders, rendered) = await LoadAsync(page, recipientId, ct);
        var result = new List<ApiNotification>(page.Count);
        foreach (var n in page)
        {
            if (!senders.TryGetValue(n.FromAccountId, out var account)) continue;
            ApiStatus? status = null;
            if (n.StatusId is { } statusId && !rendered.TryGetValue(statusId, out status)) continue;
            result.Add(new ApiNotification(ApiFormat.Id(n.Id), n.Type, ApiFormat.Time(n.CreatedAt), n.EffectiveGroupKey, account, status));
        }
        return result;
    }

    public async Task<ApiNotification?> RenderAsync(Notification notification, long recipientId, CancellationToken ct = default) =>
        (await RenderManyAsync([notification], recipientId, ct)).FirstOrDefault();

    /// <summary>v2: each group once, with its count and first senders, plus the accounts and statuses they name.</summary>
    public async Task<ApiGroupedNotifications> RenderGroupsAsync(IReadOnlyList<NotificationGroup> groups, long recipientId, CancellationToken ct = default)
    {
        var all = groups.SelectMany(g => g.Notifications).ToList();
        var (senders, rendered) = await LoadAsync(all, recipientId, ct);
        var result = new List<ApiNotificationGroup>(groups.Count);
        foreach (var group in groups)
        {
            var sample = group.Notifications.Select(n => n.FromAccountId).Where(senders.ContainsKey).Distinct().Take(NotificationGroup.SampleSize).ToList();
            var latest = group.Notifications[0];
            if (sample.Count == 0 || (latest.StatusId is { } s && !rendered.ContainsKey(s))) continue;
            result.Add(new ApiNotificationGroup(group.Key, group.Count, latest.Type, ApiFormat.Id(latest.Id),
                ApiFormat.Id(group.PageMinId), ApiFormat.Id(group.PageMaxId), ApiFormat.Time(latest.CreatedAt),
                sample.Select(ApiFormat.Id).ToList(), ApiFormat.Id(latest.StatusId)));
        }
        var named = result.SelectMany(g => g.SampleAccountIds).ToHashSet();
        var statusIds = result.Select(g => g.StatusId).OfType<string>().ToHashSet();
        return new ApiGroupedNotifications(
            senders.Values.Where(a => named.Contains(a.Id)).ToList(),
            rendered.Values.Where(s => statusIds.Contains(s.Id)).ToList(),
            result);
    }

    private async Task<(Dictionary<long, ApiAccount> Senders, Dictionary<long, ApiStatus> Statuses)> LoadAsync(
        IReadOnlyList<Notification> page, long recipientId, CancellationToken ct)
    {
        var senderRows = await accounts.ListAsync(page.Select(n => n.FromAccountId).Distinct().ToList(), ct);
        var senders = senderRows.Where(a => a.SuspendedAt is null).ToDictionary(a => a.Id, accountRenderer.Render);
        var statusRows = await statuses.ListAsync(page.Select(n => n.StatusId).OfType<long>().Distinct().ToList(), ct);
        var rendered = (await statusRenderer.RenderManyAsync(statusRows, recipientId, "notifications", ct))
            .ToDictionary(s => long.Parse(s.Id, System.Globalization.CultureInfo.InvariantCulture));
        return (senders, rendered);
    }
}
