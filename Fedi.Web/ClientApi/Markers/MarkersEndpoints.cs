using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Markers;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Markers;

/// <summary>/api/v1/markers: where the user stopped reading home and notifications, shared between their apps.</summary>
public static class MarkersEndpoints
{
    public static void MapMarkersEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/markers", IndexAsync).RequireUser("read:statuses");
        app.MapPost("/api/v1/markers", SaveAsync).RequireUser("write:statuses");
    }

    /// <summary>timeline[] picks the markers; unknown names are ignored, none sent means none returned, as Mastodon's.</summary>
    private static async Task<IResult> IndexAsync(RequestParameters p, RequestAuth auth, MarkerStore markers, CancellationToken ct)
    {
        var timelines = p.Strings("timeline").Where(Marker.Timelines.Contains).Distinct().ToList();
        var rows = timelines.Count == 0 ? [] : await markers.ListAsync(auth.RequiredAccountId, timelines, ct);
        return Results.Ok(rows.ToDictionary(m => m.Timeline, Render));
    }

    /// <summary>home[last_read_id] and/or notifications[last_read_id].</summary>
    private static async Task<IResult> SaveAsync(RequestParameters p, RequestAuth auth, MarkerStore markers, CancellationToken ct)
    {
        var saved = new Dictionary<string, ApiMarker>();
        foreach (var timeline in Marker.Timelines)
        {
            if (p.String($"{timeline}[last_read_id]") is not { } raw) continue;
            var lastReadId = Snowflake.TryParse(raw) ?? throw ApiException.Unprocessable("Validation failed: Last read id is invalid");
            saved[timeline] = Render(await markers.SaveAsync(auth.RequiredAccountId, timeline, lastReadId, ct));
        }
        return Results.Ok(saved);
    }

    private static ApiMarker Render(Marker marker) =>
        new(ApiFormat.Id(marker.LastReadId), marker.LockVersion, ApiFormat.Time(marker.UpdatedAt));
}
