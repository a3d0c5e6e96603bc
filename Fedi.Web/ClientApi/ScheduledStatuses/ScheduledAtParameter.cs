using System.Globalization;
using Fedi.Core.Errors;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.ScheduledStatuses;

/// <summary><c>scheduled_at</c>: an ISO 8601 time (UTC unless it says otherwise). A time already past means "now",
/// as Mastodon's PostStatusService#scheduled_in_the_past? reads it, so the post is published at once.</summary>
public static class ScheduledAtParameter
{
    public static DateTime? Read(RequestParameters p, TimeProvider time, bool required = false)
    {
        var raw = p.String("scheduled_at");
        if (string.IsNullOrEmpty(raw))
            return required ? throw new ValidationException("scheduled_at", "ERR_BLANK", "Scheduled at can't be blank") : null;
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            throw new ValidationException("scheduled_at", "ERR_INVALID", "Scheduled at is invalid");
        var utc = at.UtcDateTime;
        return !required && utc <= time.GetUtcNow().UtcDateTime ? null : utc;
    }
}
