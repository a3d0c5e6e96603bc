using System.Text.Json;
using Fedi.Core.Json;
using Fedi.Core.Polls;
using Fedi.Core.Statuses;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>What a scheduled post will publish, in Mastodon's ScheduledStatus <c>params</c> shape (stored as is and
/// shown to the client as is).</summary>
public sealed record ScheduledStatusParams
{
    public string Text { get; init; } = "";
    public string Visibility { get; init; } = "public";
    public string? SpoilerText { get; init; }
    public bool Sensitive { get; init; }
    public string? Language { get; init; }
    public string? InReplyToId { get; init; }
    public ScheduledPoll? Poll { get; init; }
    public IReadOnlyList<string> MediaIds { get; init; } = [];
    public string? Idempotency { get; init; }
    public long? ApplicationId { get; init; }

    public sealed record ScheduledPoll(IReadOnlyList<string> Options, int? ExpiresIn, bool Multiple, bool HideTotals);

    public static ScheduledStatusParams From(NewStatus input) => new()
    {
        Text = input.Text,
        Visibility = input.Visibility.ToApi(),
        SpoilerText = input.SpoilerText.Length == 0 ? null : input.SpoilerText,
        Sensitive = input.Sensitive,
        Language = input.Language,
        InReplyToId = input.InReplyToId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Poll = input.Poll is { } p ? new ScheduledPoll(p.Options, p.ExpiresInSeconds, p.Multiple, p.HideTotals) : null,
        Idempotency = input.IdempotencyKey,
        ApplicationId = input.ApplicationId,
    };

    /// <summary>A stored row's params.</summary>
    public static ScheduledStatusParams Parse(string json) =>
        JsonSerializer.Deserialize<ScheduledStatusParams>(json, FediJson.Options) ?? new ScheduledStatusParams();

    /// <summary>The post to publish; <paramref name="idempotencyKey"/> makes a retried publication return the first status.</summary>
    public NewStatus ToNewStatus(string idempotencyKey) => new()
    {
        Text = Text,
        SpoilerText = SpoilerText ?? "",
        Sensitive = Sensitive,
        Visibility = StatusVisibilityNames.FromApi(Visibility) ?? StatusVisibility.Public,
        Language = Language,
        InReplyToId = long.TryParse(InReplyToId, System.Globalization.CultureInfo.InvariantCulture, out var parent) ? parent : null,
        ApplicationId = ApplicationId,
        Poll = Poll is { } p ? new NewPoll(p.Options, p.ExpiresIn, p.Multiple, p.HideTotals) : null,
        IdempotencyKey = idempotencyKey,
    };
}
