using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Follows;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.FollowRequests;

/// <summary>/api/v1/follow_requests: who asks to follow the (locked) user, and the user's answer.</summary>
public static class FollowRequestsEndpoints
{
    public static void MapFollowRequestsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/follow_requests", IndexAsync).RequireUser("read:follows");
        app.MapPost("/api/v1/follow_requests/{id}/authorize", AuthorizeAsync).RequireUser("write:follows");
        app.MapPost("/api/v1/follow_requests/{id}/reject", RejectAsync).RequireUser("write:follows");
    }

    /// <summary>Paged by the requests' ids, as Mastodon's (the Link header never carries account ids).</summary>
    private static async Task<IResult> IndexAsync(HttpContext http, RequestParameters p, RequestAuth auth, FollowRequestStore requests,
        AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var page = await requests.ListPageAsync(auth.RequiredAccountId, p.Page(Paging.Accounts), ct);
        var rows = (await accounts.ListAsync(page.Select(r => r.AccountId).ToList(), ct)).ToDictionary(a => a.Id);
        var rendered = page.Where(r => rows.ContainsKey(r.AccountId)).Select(r => renderer.Render(rows[r.AccountId])).ToList();
        return http.Paged(page.Select(r => r.RequestId).ToList(), rendered);
    }

    /// <summary>:id is the requesting account's id; the answer is the user's relationship to it.</summary>
    private static Task<IResult> AuthorizeAsync(string id, RequestAuth auth, AuthorizeFollowService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, requester) => service.AuthorizeAsync(viewer, requester, ct), ct);

    private static Task<IResult> RejectAsync(string id, RequestAuth auth, AuthorizeFollowService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, requester) => service.RejectAsync(viewer, requester, ct), ct);
}
