using Fedi.Core.Federation.Discovery;
using Fedi.Core.Hosting;

namespace Fedi.Web.ActivityPub;

/// <summary>/.well-known/webfinger and host-meta (Mastodon's WellKnown controllers).</summary>
public static class WebFingerEndpoints
{
    public static void MapWebFingerEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/.well-known/webfinger", WebFingerAsync).PublicRoute();
        routes.MapGet("/.well-known/host-meta", HostMeta).PublicRoute();
    }

    private static async Task<IResult> WebFingerAsync(HttpContext http, WebFingerService webFinger, CancellationToken ct)
    {
        var resource = http.Request.Query["resource"].ToString();
        if (string.IsNullOrWhiteSpace(resource) || resource.Length > 2048)
        {
            http.Response.Headers.CacheControl = "max-age=180, public";
            return Results.Json(new Dictionary<string, string> { ["error"] = "resource parameter missing or invalid" }, statusCode: 400);
        }
        var found = await webFinger.FindAsync(resource, ct);
        http.Response.Headers.CacheControl = found is null ? "max-age=180, public" : "max-age=259200, public";
        http.Response.Headers.Vary = "Origin";
        return found is null
            ? ActivityPubResults.NotFound()
            : Results.Json(found, contentType: "application/jrd+json; charset=utf-8");
    }

    private static IResult HostMeta(HttpContext http, Core.Configuration.InstanceOptions instance)
    {
        http.Response.Headers.CacheControl = "max-age=259200, public";
        var template = System.Security.SecurityElement.Escape($"{instance.WebBaseUrl}/.well-known/webfinger?resource={{uri}}");
        return Results.Text($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
              <Link rel="lrdd" template="{template}"/>
            </XRD>
            """, "application/xrd+xml; charset=utf-8");
    }
}
