namespace Fedi.Core.Tags;

/// <summary>A hashtag featured on a profile, with its use counted live over the account's public and unlisted posts.</summary>
public sealed record FeaturedTag
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long TagId { get; init; }
    public required string Name { get; init; }
    public long StatusesCount { get; init; }
    public DateTime? LastStatusAt { get; init; }
}
