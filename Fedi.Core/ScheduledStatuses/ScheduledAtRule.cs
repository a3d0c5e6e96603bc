using Fedi.Core.Configuration;
using Fedi.Core.Errors;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>Mastodon's ScheduledStatusValidator time rule: a schedule lies at least the minimum lead ahead.</summary>
public sealed class ScheduledAtRule(ComposeOptions options, TimeProvider time)
{
    public void Check(DateTime scheduledAt)
    {
        var lead = options.ScheduledMinLead;
        if (scheduledAt - time.GetUtcNow().UtcDateTime >= lead) return;
        var words = lead.TotalSeconds % 60 == 0 ? $"{lead.TotalMinutes:0} minutes" : $"{lead.TotalSeconds:0} seconds";
        throw new ValidationException("scheduled_at", "ERR_INVALID", $"Scheduled at must be at least {words} from now");
    }
}
