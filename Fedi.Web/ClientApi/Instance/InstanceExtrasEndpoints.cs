using Fedi.Core.Instance;
using Fedi.Core.Hosting;

namespace Fedi.Web.ClientApi.Instance;

/// <summary>The smaller /api/v1/instance/… documents apps read at start (peers, activity, rules, languages).</summary>
public static class InstanceExtrasEndpoints
{
    public static void MapInstanceExtrasEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/instance/peers", PeersAsync).PublicRoute();
        app.MapGet("/api/v1/instance/activity", ActivityAsync).PublicRoute();
        app.MapGet("/api/v1/instance/rules", RulesAsync).PublicRoute();
        app.MapGet("/api/v1/instance/extended_description", () => Results.Ok(new { updated_at = (string?)null, content = "" })).PublicRoute();
        // No translation service is configured: Mastodon answers an empty map then.
        app.MapGet("/api/v1/instance/translation_languages", () => Results.Ok(new { })).PublicRoute();
        app.MapGet("/api/v1/instance/languages", () => Results.Ok(InstanceLanguages.All)).PublicRoute();
    }

    private static async Task<IResult> PeersAsync(InstanceActivityStore store, CancellationToken ct) =>
        Results.Ok(await store.ListPeersAsync(ct));

    private static async Task<IResult> ActivityAsync(InstanceActivityStore store, CancellationToken ct) =>
        Results.Ok((await store.ListAsync(ct)).Select(w => new
        {
            week = new DateTimeOffset(w.Week, TimeSpan.Zero).ToUnixTimeSeconds().ToString(),
            statuses = w.Statuses.ToString(),
            logins = w.Logins.ToString(),
            registrations = w.Registrations.ToString(),
        }));

    private static async Task<IResult> RulesAsync(InstanceRuleStore store, CancellationToken ct) =>
        Results.Ok(InstanceLanguages.RenderRules(await store.ListAsync(ct)));
}
