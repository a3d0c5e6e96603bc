using System.Text.Json.Serialization;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Status entity. Viewer-specific fields are left out of anonymous renderings.</summary>
public sealed record ApiStatus
{
    public required string Id { get; init; }
    public required string CreatedAt { get; init; }
    public string? InReplyToId { get; init; }
    public string? InReplyToAccountId { get; init; }
    public bool Sensitive { get; init; }
    public required string SpoilerText { get; init; }
    public required string Visibility { get; init; }
    public string? Language { get; init; }
    public string? Uri { get; init; }
    public string? Url { get; init; }
    public long RepliesCount { get; init; }
    public long ReblogsCount { get; init; }
    public long FavouritesCount { get; init; }
    public long QuotesCount { get; init; }
    public string? EditedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Favourited { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Reblogged { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Muted { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Bookmarked { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Pinned { get; init; }

    /// <summary>The app it was posted with, shown to its author (Mastodon shows it where the author allows).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ApiStatusApplication? Application { get; init; }

    public required string Content { get; init; }
    public IReadOnlyList<ApiFilterResult> Filtered { get; init; } = [];
    public ApiStatus? Reblog { get; init; }
    public required ApiAccount Account { get; init; }
    public IReadOnlyList<ApiMediaAttachment> MediaAttachments { get; init; } = [];
    public required IReadOnlyList<ApiMention> Mentions { get; init; }
    public required IReadOnlyList<ApiTag> Tags { get; init; }
    public IReadOnlyList<object> Emojis { get; init; } = [];
    public object? Card { get; init; }
    public ApiPoll? Poll { get; init; }

    /// <summary>The source text; only in the response to a delete (for "delete and redraft").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
}

public sealed record ApiMention(string Id, string Username, string Url, string Acct);

public sealed record ApiTag(string Name, string Url);

/// <summary>The application part of a Status entity.</summary>
public sealed record ApiStatusApplication(string Name, string? Website);
