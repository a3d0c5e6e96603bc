using Fedi.Core.Announcements;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Statuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders announcements for a reader, their reactions loaded in one query for the whole list.</summary>
public sealed class AnnouncementRenderer(AnnouncementStore announcements, InstanceOptions instance)
{
    public async Task<IReadOnlyList<ApiAnnouncement>> RenderManyAsync(IReadOnlyList<Announcement> rows, long? readerId, CancellationToken ct = default)
    {
        var reactions = await announcements.ListReactionsAsync(rows.Select(a => a.Id).ToList(), readerId, ct);
        return rows.Select(a => new ApiAnnouncement(
            ApiFormat.Id(a.Id), StatusHtml.Format(a.Text, [], instance.WebBaseUrl, instance.LocalDomain),
            ApiFormat.Time(a.StartsAt), ApiFormat.Time(a.EndsAt), a.AllDay,
            ApiFormat.Time(a.PublishedAt), ApiFormat.Time(a.UpdatedAt), readerId is null ? null : a.Read,
            [], [], StatusTags.Extract(a.Text).Select(name => new ApiTag(name, $"{instance.WebBaseUrl}/tags/{Uri.EscapeDataString(name)}")).ToList(), [],
            reactions[a.Id].Select(r => new ApiAnnouncementReaction(r.Name, r.Count, readerId is null ? null : r.Me)).ToList())).ToList();
    }
}
