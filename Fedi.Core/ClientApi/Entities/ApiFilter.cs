using System.Text.Json.Serialization;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Filter entity (v2). Inside a status's <c>filtered</c> it comes without keywords and statuses.</summary>
public sealed record ApiFilter
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Context { get; init; }
    public string? ExpiresAt { get; init; }
    public required string FilterAction { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ApiFilterKeyword>? Keywords { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ApiFilterStatus>? Statuses { get; init; }
}

/// <summary>Mastodon's FilterKeyword entity.</summary>
public sealed record ApiFilterKeyword(string Id, string Keyword, bool WholeWord);

/// <summary>Mastodon's FilterStatus entity.</summary>
public sealed record ApiFilterStatus(string Id, string StatusId);

/// <summary>Mastodon's FilterResult: why a status matched one of the viewer's filters.</summary>
public sealed record ApiFilterResult(ApiFilter Filter, IReadOnlyList<string>? KeywordMatches, IReadOnlyList<string>? StatusMatches);

/// <summary>Mastodon's v1 Filter entity: one keyword of a filter, as the API before 4.0 showed it.</summary>
public sealed record ApiV1Filter(string Id, string Phrase, IReadOnlyList<string> Context, bool WholeWord, string? ExpiresAt, bool Irreversible);
