using System.Text.Json.Serialization;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Poll entity. <c>voted</c> and <c>own_votes</c> belong to a signed-in viewer and are left out otherwise.</summary>
public sealed record ApiPoll
{
    public required string Id { get; init; }
    public string? ExpiresAt { get; init; }
    public bool Expired { get; init; }
    public bool Multiple { get; init; }
    public long VotesCount { get; init; }
    public long? VotersCount { get; init; }
    public required IReadOnlyList<ApiPollOption> Options { get; init; }
    public IReadOnlyList<object> Emojis { get; init; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Voted { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<int>? OwnVotes { get; init; }
}

/// <summary>One option; its count is null while the author hides totals and the poll runs.</summary>
public sealed record ApiPollOption(string Title, long? VotesCount);
