namespace Fedi.Core.Polls;

/// <summary>A row of <c>polls</c>: the options and their tallies in the same order.</summary>
public sealed record Poll
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long StatusId { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public string[] Options { get; init; } = [];
    public long[] CachedTallies { get; init; } = [];
    public bool Multiple { get; init; }
    public bool HideTotals { get; init; }
    public long VotesCount { get; init; }
    public long VotersCount { get; init; }

    public bool ExpiredAt(DateTime now) => ExpiresAt is { } at && at <= now;
}
