using Fedi.Core.Data;
using Fedi.Core.Markers;

namespace Fedi.Core.Notifications;

/// <summary>
/// Reads a recipient's notifications: v1 pages, v2 groups (Mastodon 4.3: the notifications of a page folded by
/// group key, each group counted over all its members) and unread counts, which start after the
/// <c>notifications</c> marker.
/// </summary>
public sealed class ListNotificationsService(NotificationStore notifications, MarkerStore markers)
{
    /// <summary>Mastodon's unread_count default and cap.</summary>
    public const int UnreadDefault = 100, UnreadMax = 1000;

    public Task<IReadOnlyList<Notification>> ListAsync(long recipientId, NotificationFilter filter, Page page, CancellationToken ct = default) =>
        notifications.ListPageAsync(recipientId, filter, page, ct);

    /// <summary>The page's groups, newest first, with page_min_id/page_max_id from the members on the page.</summary>
    public async Task<(IReadOnlyList<NotificationGroup> Groups, IReadOnlyList<Notification> Page)> ListGroupsAsync(
        long recipientId, NotificationFilter filter, Page page, CancellationToken ct = default)
    {
        var rows = await notifications.ListPageAsync(recipientId, filter, page, ct);
        var onPage = rows.GroupBy(n => n.EffectiveGroupKey).ToList();
        var members = (await notifications.ListGroupsAsync(recipientId, onPage.Select(g => g.Key).ToList(), ct))
            .Where(n => Matches(filter, n)).ToLookup(n => n.EffectiveGroupKey);
        var groups = onPage
            .Select(g => new NotificationGroup(g.Key, members[g.Key].ToList(), g.Min(n => n.Id), g.Max(n => n.Id)))
            .Where(g => g.Count > 0)
            .ToList();
        return (groups, rows);
    }

    public async Task<NotificationGroup?> FindGroupAsync(long recipientId, string groupKey, CancellationToken ct = default)
    {
        var members = await notifications.ListGroupsAsync(recipientId, [groupKey], ct);
        return members.Count == 0 ? null : new NotificationGroup(groupKey, members, members[^1].Id, members[0].Id);
    }

    /// <summary>Notifications (or groups) newer than the notifications marker, up to <paramref name="limit"/>.</summary>
    public async Task<int> CountUnreadAsync(long recipientId, NotificationFilter filter, int? limit, bool groups, CancellationToken ct = default)
    {
        var marker = (await markers.ListAsync(recipientId, ["notifications"], ct)).FirstOrDefault();
        var cap = Math.Clamp(limit ?? UnreadDefault, 1, UnreadMax);
        return await notifications.CountAfterAsync(recipientId, marker?.LastReadId ?? 0, filter, cap, groups, ct);
    }

    private static bool Matches(NotificationFilter filter, Notification n) =>
        (filter.Types.Length == 0 || filter.Types.Contains(n.Type)) && !filter.ExcludeTypes.Contains(n.Type)
        && (filter.FromAccountId is null || filter.FromAccountId == n.FromAccountId);
}
