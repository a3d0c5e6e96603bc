using System.Text.Json.Nodes;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.Discovery;
using Fedi.Core.Hosting;
using Fedi.Core.Instance;

namespace Fedi.Web.ActivityPub;

/// <summary>/.well-known/nodeinfo and the NodeInfo 2.0 and 2.1 documents (Mastodon's NodeInfo serializers).</summary>
public static class NodeInfoEndpoints
{
    private const string Schema = "http://nodeinfo.diaspora.software/ns/schema/";

    public static void MapNodeInfoEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/.well-known/nodeinfo", (HttpContext http, InstanceOptions instance) =>
        {
            http.Response.Headers.CacheControl = "max-age=259200, public";
            return Results.Json(new
            {
                links = new[]
                {
                    new { rel = $"{Schema}2.0", href = $"{instance.WebBaseUrl}/nodeinfo/2.0" },
                    new { rel = $"{Schema}2.1", href = $"{instance.WebBaseUrl}/nodeinfo/2.1" },
                },
            });
        }).PublicRoute();
        routes.MapGet("/nodeinfo/2.0", (HttpContext http, NodeInfoStore store, InstanceOptions instance, CancellationToken ct) =>
            DocumentAsync(http, "2.0", store, instance, ct)).PublicRoute();
        routes.MapGet("/nodeinfo/2.1", (HttpContext http, NodeInfoStore store, InstanceOptions instance, CancellationToken ct) =>
            DocumentAsync(http, "2.1", store, instance, ct)).PublicRoute();
    }

    private static async Task<IResult> DocumentAsync(HttpContext http, string version, NodeInfoStore store, InstanceOptions instance, CancellationToken ct)
    {
        var usage = await store.ReadAsync(ct);
        http.Response.Headers.CacheControl = "max-age=1800, public";
        var software = new JsonObject { ["name"] = "fedi", ["version"] = ServerVersion.Fedi };
        if (version == "2.1") software["homepage"] = instance.WebBaseUrl;
        var document = new JsonObject
        {
            ["version"] = version,
            ["software"] = software,
            ["protocols"] = new JsonArray("activitypub"),
            ["services"] = new JsonObject { ["outbound"] = new JsonArray(), ["inbound"] = new JsonArray() },
            ["usage"] = new JsonObject
            {
                ["users"] = new JsonObject { ["total"] = usage.Total, ["activeMonth"] = usage.ActiveMonth, ["activeHalfyear"] = usage.ActiveHalfyear },
                ["localPosts"] = usage.LocalPosts,
            },
            ["openRegistrations"] = instance.Registrations == RegistrationsMode.Open,
            ["metadata"] = new JsonObject { ["nodeName"] = instance.LocalDomain, ["nodeDescription"] = "" },
        };
        return Results.Text(document.ToJsonString(), $"application/json; profile=\"{Schema}{version}#\"; charset=utf-8");
    }
}
