namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon 4.3's NotificationGroup: the notifications sharing a group_key, summarised.</summary>
public sealed record ApiNotificationGroup(
    string GroupKey, int NotificationsCount, string Type, string MostRecentNotificationId, string PageMinId, string PageMaxId,
    string LatestPageNotificationAt, IReadOnlyList<string> SampleAccountIds, string? StatusId);

/// <summary>Mastodon 4.3's GroupedNotificationsResults: groups with the accounts and statuses they refer to, each once.</summary>
public sealed record ApiGroupedNotifications(
    IReadOnlyList<ApiAccount> Accounts, IReadOnlyList<ApiStatus> Statuses, IReadOnlyList<ApiNotificationGroup> NotificationGroups);
