using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Fedi.Core.Hosting;
using Fedi.Core.Tags;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.FeaturedTags;

/// <summary>/api/v1/featured_tags (the hashtags a user features on their profile), its suggestions, and /api/v1/accounts/:id/featured_tags.</summary>
public static class FeaturedTagsEndpoints
{
    public static void MapFeaturedTagsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/featured_tags", ListOwnAsync).RequireUser("read:accounts");
        routes.MapPost("/api/v1/featured_tags", FeatureAsync).RequireUser("write:accounts");
        routes.MapDelete("/api/v1/featured_tags/{id}", UnfeatureAsync).RequireUser("write:accounts");
        routes.MapGet("/api/v1/featured_tags/suggestions", SuggestionsAsync).RequireUser("read:accounts");
        routes.MapGet("/api/v1/accounts/{id}/featured_tags", ListOfAccountAsync).PublicRoute();
    }

    private static async Task<IResult> ListOwnAsync(RequestAuth auth, AccountStore accounts, FeaturedTagStore featured, InstanceOptions instance,
        CancellationToken ct)
    {
        var account = await accounts.FindAsync(auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        return Results.Ok((await featured.ListAsync(account.Id, ct)).Select(t => Render(t, account, instance)));
    }

    private static async Task<IResult> ListOfAccountAsync(string id, AccountStore accounts, FeaturedTagStore featured, InstanceOptions instance,
        CancellationToken ct)
    {
        var account = await accounts.FindAsync(RouteId.Parse(id), ct);
        if (account is not { SuspendedAt: null }) throw ApiException.NotFound();
        return Results.Ok((await featured.ListAsync(account.Id, ct)).Select(t => Render(t, account, instance)));
    }

    private static async Task<IResult> FeatureAsync(RequestParameters p, RequestAuth auth, AccountStore accounts, FeatureTagService service,
        InstanceOptions instance, CancellationToken ct)
    {
        var account = await accounts.FindAsync(auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        return Results.Ok(Render(await service.FeatureAsync(account.Id, p.String("name"), ct), account, instance));
    }

    private static async Task<IResult> UnfeatureAsync(string id, RequestAuth auth, FeaturedTagStore featured, CancellationToken ct) =>
        await featured.RemoveAsync(auth.RequiredAccountId, RouteId.Parse(id), ct) ? Results.Ok(new { }) : throw ApiException.NotFound();

    private static async Task<IResult> SuggestionsAsync(RequestAuth auth, FeaturedTagStore featured, TagRenderer renderer, CancellationToken ct) =>
        Results.Ok(await renderer.RenderManyAsync(await featured.ListSuggestionsAsync(auth.RequiredAccountId, 10, ct), auth.RequiredAccountId, ct));

    /// <summary>The url is the author's profile narrowed to the tag, as Mastodon's short_account_tag_url.</summary>
    private static ApiFeaturedTag Render(FeaturedTag tag, Account account, InstanceOptions instance) =>
        new(ApiFormat.Id(tag.Id), tag.Name, $"{account.Url ?? $"{instance.WebBaseUrl}/@{account.Username}"}/tagged/{Uri.EscapeDataString(tag.Name)}",
            tag.StatusesCount.ToString(System.Globalization.CultureInfo.InvariantCulture), tag.LastStatusAt is { } last ? ApiFormat.Date(last) : null);
}
