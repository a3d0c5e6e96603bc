using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ScheduledStatuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders scheduled statuses (Mastodon's REST::ScheduledStatusSerializer).</summary>
public static class ScheduledStatusRenderer
{
    public static ApiScheduledStatus Render(ScheduledStatus row) =>
        new(ApiFormat.Id(row.Id), ApiFormat.Time(row.ScheduledAt), ScheduledStatusParams.Parse(row.Params), []);
}
