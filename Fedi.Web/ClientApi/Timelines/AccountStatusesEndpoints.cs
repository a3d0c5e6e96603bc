using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Identifiers;
using Fedi.Core.Statuses;
using Fedi.Core.Timelines;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Timelines;

/// <summary>GET /api/v1/accounts/:id/statuses — a profile's statuses as the viewer may see them.</summary>
public static class AccountStatusesEndpoints
{
    public static void MapAccountStatusesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/accounts/{id}/statuses", List);

    private static async Task<IResult> List(string id, HttpContext http, RequestAuth auth, RequestParameters p,
        AccountStore accounts, TimelineStore timelines, StatusRenderer renderer, CancellationToken ct)
    {
        var account = Snowflake.TryParse(id) is { } accountId ? await accounts.FindAsync(accountId, ct) : null;
        if (account is null || account.SuspendedAt is not null) throw ApiException.NotFound();

        // Nothing is pinned and nothing carries media yet: those filters select no statuses.
        IReadOnlyList<Status> page = p.Bool("pinned") == true || p.Bool("only_media") == true
            ? []
            : await timelines.ListByAccountAsync(account.Id, auth.AccountId, PageRequest.From(p, TimelinesEndpoints.DefaultLimit),
                excludeReplies: p.Bool("exclude_replies") == true, ct);
        return await TimelinesEndpoints.Render(http, page, auth, renderer, ct);
    }
}
