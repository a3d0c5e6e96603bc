using Fedi.Core.Polls;

namespace Fedi.Core.Statuses;

/// <summary>What a client asks to post (POST /api/v1/statuses).</summary>
public sealed record NewStatus
{
    public string Text { get; init; } = "";
    public string SpoilerText { get; init; } = "";
    public bool Sensitive { get; init; }
    public StatusVisibility Visibility { get; init; } = StatusVisibility.Public;
    public string? Language { get; init; }
    public long? InReplyToId { get; init; }
    public long? ApplicationId { get; init; }
    public NewPoll? Poll { get; init; }

    /// <summary>media_ids[]: attachments to show, in order; null when not sent (an edit keeps the ones it has).</summary>
    public IReadOnlyList<string>? MediaIds { get; init; }

    /// <summary>Idempotency-Key header: a repeat within an hour returns the first status.</summary>
    public string? IdempotencyKey { get; init; }
}
