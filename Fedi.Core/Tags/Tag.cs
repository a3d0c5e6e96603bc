namespace Fedi.Core.Tags;

/// <summary>A row of <c>tags</c>; <see cref="Name"/> is normalised (<see cref="Statuses.HashtagNormalizer"/>).</summary>
public sealed record Tag
{
    public long Id { get; init; }
    public required string Name { get; init; }
}

/// <summary>One day of a tag's use (Mastodon's Tag history): statuses carrying it and distinct authors.</summary>
public sealed record TagDay(long TagId, DateTime Day, long Uses, long Accounts);
