using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Notifications;

/// <summary>
/// Mastodon's notification policy and filtered-notification requests. Fedi filters nothing yet: the policy
/// accepts everything (a PATCH is answered with the same policy) and there are never requests, so apps that
/// read them keep working.
/// </summary>
public static class NotificationPolicyEndpoints
{
    private static readonly object Summary = new { pending_requests_count = 0, pending_notifications_count = 0 };

    private static readonly object PolicyV1 = new
    {
        filter_not_following = false, filter_not_followers = false, filter_new_accounts = false, filter_private_mentions = false,
        summary = Summary,
    };

    private static readonly object PolicyV2 = new
    {
        for_not_following = "accept", for_not_followers = "accept", for_new_accounts = "accept",
        for_private_mentions = "accept", for_limited_accounts = "accept", summary = Summary,
    };

    public static void MapNotificationPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications/policy", () => Results.Ok(PolicyV1)).RequireUser("read:notifications");
        app.MapPatch("/api/v1/notifications/policy", () => Results.Ok(PolicyV1)).RequireUser("write:notifications");
        app.MapGet("/api/v2/notifications/policy", () => Results.Ok(PolicyV2)).RequireUser("read:notifications");
        app.MapPatch("/api/v2/notifications/policy", () => Results.Ok(PolicyV2)).RequireUser("write:notifications");
        app.MapGet("/api/v1/notifications/requests", () => Results.Ok(Array.Empty<object>())).RequireUser("read:notifications");
        app.MapGet("/api/v1/notifications/requests/merged", () => Results.Ok(new { merged = true })).RequireUser("read:notifications");
    }
}
