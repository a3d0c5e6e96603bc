namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's StatusEdit entity: one version of a status (GET /api/v1/statuses/:id/history).</summary>
public sealed record ApiStatusEdit
{
    public required string Content { get; init; }
    public required string SpoilerText { get; init; }
    public bool Sensitive { get; init; }
    public required string CreatedAt { get; init; }
    public required ApiAccount Account { get; init; }
    public object? Poll { get; init; }
    public IReadOnlyList<object> MediaAttachments { get; init; } = [];
    public IReadOnlyList<object> Emojis { get; init; } = [];
}

/// <summary>Mastodon's StatusSource entity: the plain text behind a status, for editing it (GET /api/v1/statuses/:id/source).</summary>
public sealed record ApiStatusSource(string Id, string Text, string SpoilerText);
