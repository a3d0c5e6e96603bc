using System.Text.Json.Nodes;
using Fedi.Core.Federation.ActivityStreams;
using Microsoft.Net.Http.Headers;

namespace Fedi.Web.ActivityPub;

/// <summary>Content negotiation and the JSON answers of the ActivityPub routes.</summary>
public static class ActivityPubResults
{
    /// <summary>application/activity+json, or application/ld+json (with the ActivityStreams profile or none), asks for JSON.</summary>
    public static bool WantsActivityJson(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is null || !MediaTypeHeaderValue.TryParseList(value.Split(','), out var types)) continue;
            if (types.Any(t => t.MediaType.Equals(ActivityContext.MediaType, StringComparison.OrdinalIgnoreCase)
                               || t.MediaType.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)
                               || t.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    public static IResult Document(HttpContext http, JsonObject document, string cacheControl = "max-age=180, public")
    {
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.Vary = "Accept, Accept-Encoding, Origin";
        return Results.Text(document.ToJsonString(), $"{ActivityContext.MediaType}; charset=utf-8");
    }

    /// <summary>JSON for peers, a redirect to the page for a browser (Mastodon's HTML answer).</summary>
    public static IResult Negotiate(HttpContext http, JsonObject? document, string page) =>
        document is null ? NotFound()
        : WantsActivityJson(http.Request) ? Document(http, document)
        : Results.Redirect(page);

    public static IResult NotFound() => Results.Json(new Dictionary<string, string> { ["error"] = "Record not found" }, statusCode: 404);
}
