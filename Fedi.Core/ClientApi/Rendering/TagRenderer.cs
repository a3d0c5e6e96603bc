using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Tags;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders tags with a week of history (newest day first) and, for a signed-in viewer, <c>following</c>; two queries per batch.</summary>
public sealed class TagRenderer(TagFollowStore store, InstanceOptions instance)
{
    public const int HistoryDays = 7;

    public async Task<ApiHashtag> RenderAsync(Tag tag, long? viewerId, CancellationToken ct = default) =>
        (await RenderManyAsync([tag], viewerId, ct))[0];

    public async Task<IReadOnlyList<ApiHashtag>> RenderManyAsync(IReadOnlyList<Tag> tags, long? viewerId, CancellationToken ct = default)
    {
        var ids = tags.Select(t => t.Id).ToList();
        var history = await store.ListHistoryAsync(ids, HistoryDays, ct);
        var followed = viewerId is { } viewer ? await store.ListFollowedAsync(viewer, ids, ct) : null;
        var today = DateTime.UtcNow.Date;
        return tags.Select(tag =>
        {
            var days = history[tag.Id].ToDictionary(d => d.Day.Date);
            var week = Enumerable.Range(0, HistoryDays).Select(back =>
            {
                var day = today.AddDays(-back);
                days.TryGetValue(day, out var used);
                var unix = new DateTimeOffset(day, TimeSpan.Zero).ToUnixTimeSeconds();
                return new ApiTagHistory(unix.ToString(), (used?.Uses ?? 0).ToString(), (used?.Accounts ?? 0).ToString());
            }).ToList();
            return new ApiHashtag(tag.Name, $"{instance.WebBaseUrl}/tags/{Uri.EscapeDataString(tag.Name)}", week, followed?.Contains(tag.Id));
        }).ToList();
    }
}
