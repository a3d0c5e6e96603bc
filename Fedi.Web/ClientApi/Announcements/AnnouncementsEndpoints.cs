using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Announcements;

/// <summary>GET /api/v1/announcements: admins cannot create announcements yet, so there are none to show.</summary>
public static class AnnouncementsEndpoints
{
    public static void MapAnnouncementsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/announcements", () => Results.Ok(Array.Empty<object>())).RequireUser("read");
}
