namespace Fedi.Core.Relationships;

/// <summary>
/// Everything that hides a status from one viewer on public and hashtag streams, loaded in one query:
/// accounts the viewer blocks, mutes (with the mute's expiry) or is blocked by, and domains it blocks.
/// </summary>
public sealed record ViewerRelations(
    IReadOnlySet<long> Blocking,
    IReadOnlyDictionary<long, DateTime?> Muting,
    IReadOnlySet<long> BlockedBy,
    IReadOnlySet<string> BlockedDomains)
{
    public static readonly ViewerRelations None = new(new HashSet<long>(), new Dictionary<long, DateTime?>(), new HashSet<long>(), new HashSet<string>());

    public bool IsEmpty => Blocking.Count == 0 && Muting.Count == 0 && BlockedBy.Count == 0 && BlockedDomains.Count == 0;

    /// <summary>Blocked or (still) muted by the viewer.</summary>
    public bool Hides(long accountId, DateTime now) =>
        Blocking.Contains(accountId) || (Muting.TryGetValue(accountId, out var expiresAt) && (expiresAt is null || expiresAt > now));
}
