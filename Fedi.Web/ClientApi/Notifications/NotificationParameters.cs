using Fedi.Core.Identifiers;
using Fedi.Core.Notifications;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Notifications;

/// <summary>Mastodon's notification list filters: types[], exclude_types[] (unknown names ignored) and account_id.</summary>
public static class NotificationParameters
{
    /// <summary>Mastodon's DEFAULT_NOTIFICATIONS_LIMIT.</summary>
    public const int PageSize = 40;

    public static NotificationFilter Filter(this RequestParameters p) =>
        new(NotificationTypes.Known(p.Strings("types")), NotificationTypes.Known(p.Strings("exclude_types")),
            Snowflake.TryParse(p.String("account_id")));
}
