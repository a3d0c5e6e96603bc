namespace Fedi.Core.Announcements;

/// <summary>An announcement row, with whether the reading user dismissed it.</summary>
public sealed record Announcement
{
    public long Id { get; init; }
    public string Text { get; init; } = "";
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public bool AllDay { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public bool Read { get; init; }
}

/// <summary>One emoji on an announcement: how many reacted with it, and whether the reader did.</summary>
public sealed record AnnouncementReaction(long AnnouncementId, string Name, int Count, bool Me);
