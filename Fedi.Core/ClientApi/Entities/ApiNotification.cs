namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Notification entity (v1, and the payload of the streaming <c>notification</c> event).</summary>
public sealed record ApiNotification(string Id, string Type, string CreatedAt, string GroupKey, ApiAccount Account, ApiStatus? Status);
