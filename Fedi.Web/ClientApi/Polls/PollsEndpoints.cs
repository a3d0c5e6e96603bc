using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Polls;
using Fedi.Core.Statuses;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Polls;

/// <summary>/api/v1/polls: show a poll and vote in it, for whoever may see its status.</summary>
public static class PollsEndpoints
{
    public static void MapPollsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/polls/{id}", Show).ScopeIfToken("read:statuses");
        app.MapPost("/api/v1/polls/{id}/votes", Vote).RequireUser("write:statuses");
    }

    private static async Task<IResult> Show(string id, RequestAuth auth, PollStore polls, StatusStore statuses, StatusPolicy policy,
        PollRenderer renderer, CancellationToken ct)
    {
        var poll = await VisiblePollAsync(id, auth.AccountId, polls, statuses, policy, ct);
        return Results.Json(await renderer.RenderAsync(poll, auth.AccountId, ct));
    }

    private static async Task<IResult> Vote(string id, RequestAuth auth, RequestParameters p, PollStore polls, StatusStore statuses,
        StatusPolicy policy, VotePollService service, PollRenderer renderer, CancellationToken ct)
    {
        var poll = await VisiblePollAsync(id, auth.RequiredAccountId, polls, statuses, policy, ct);
        var voted = await service.VoteAsync(poll, auth.RequiredAccountId, p.Strings("choices"), ct);
        return Results.Json(await renderer.RenderAsync(voted, auth.RequiredAccountId, ct));
    }

    /// <summary>A poll whose status the viewer may not see does not exist for them (404, as Mastodon's authorize :show).</summary>
    private static async Task<Poll> VisiblePollAsync(string id, long? viewerId, PollStore polls, StatusStore statuses, StatusPolicy policy,
        CancellationToken ct)
    {
        var poll = await polls.FindAsync(RouteId.Parse(id), ct) ?? throw ApiException.NotFound();
        var status = await statuses.FindAsync(poll.StatusId, ct);
        if (status is null || !await policy.CanViewAsync(status, viewerId, ct)) throw ApiException.NotFound();
        return poll;
    }
}
