namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Announcement entity.</summary>
public sealed record ApiAnnouncement(
    string Id, string Content, string? StartsAt, string? EndsAt, bool AllDay, string PublishedAt, string UpdatedAt, bool? Read,
    IReadOnlyList<ApiMention> Mentions, IReadOnlyList<object> Statuses, IReadOnlyList<ApiTag> Tags, IReadOnlyList<object> Emojis,
    IReadOnlyList<ApiAnnouncementReaction> Reactions);

/// <summary>An emoji on an announcement, Mastodon's Reaction entity (no url: custom emoji do not exist yet).</summary>
public sealed record ApiAnnouncementReaction(string Name, int Count, bool? Me);
