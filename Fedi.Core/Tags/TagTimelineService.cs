using Fedi.Core.Data;
using Fedi.Core.Statuses;

namespace Fedi.Core.Tags;

/// <summary>GET /api/v1/timelines/tag/:hashtag: names normalised as posting normalises them; an unknown tag is an empty page.</summary>
public sealed class TagTimelineService(TagStore tags, TagTimelineStore timeline)
{
    public async Task<IReadOnlyList<Status>> ReadAsync(TagQuery query, bool? local, long? viewerId, Page page, bool onlyMedia = false, CancellationToken ct = default)
    {
        var anyIds = await IdsAsync([query.Tag, .. query.Any], ct);
        if (anyIds.Count == 0) return [];
        var all = Normalize(query.All);
        var allIds = await tags.ListIdsAsync(all, ct);
        if (allIds.Count < all.Count) return []; // a required tag nobody used: nothing can carry it
        var noneIds = await IdsAsync(query.None, ct);
        return await timeline.ListAsync(anyIds, allIds, noneIds, local, viewerId, page, onlyMedia, ct);
    }

    private Task<IReadOnlyList<long>> IdsAsync(IEnumerable<string> names, CancellationToken ct) => tags.ListIdsAsync(Normalize(names), ct);

    private static IReadOnlyList<string> Normalize(IEnumerable<string> names) =>
        names.Select(HashtagNormalizer.Normalize).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The timeline's hashtag and Mastodon's any[]/all[]/none[] refinements, as given by the client.</summary>
public sealed record TagQuery(string Tag, IReadOnlyList<string> Any, IReadOnlyList<string> All, IReadOnlyList<string> None);
