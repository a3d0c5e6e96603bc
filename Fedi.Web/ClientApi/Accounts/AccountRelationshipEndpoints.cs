using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Follows;
using Fedi.Core.Identifiers;
using Fedi.Core.Relationships;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>/api/v1/accounts/:id/(un)follow, (un)block, (un)mute and /api/v1/accounts/relationships.</summary>
public static class AccountRelationshipEndpoints
{
    public static void MapAccountRelationshipEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/accounts/{id}/follow", FollowAsync).RequireUser("write:follows");
        routes.MapPost("/api/v1/accounts/{id}/unfollow", UnfollowAsync).RequireUser("write:follows");
        routes.MapPost("/api/v1/accounts/{id}/block", BlockAsync).RequireUser("write:blocks");
        routes.MapPost("/api/v1/accounts/{id}/unblock", UnblockAsync).RequireUser("write:blocks");
        routes.MapPost("/api/v1/accounts/{id}/mute", MuteAsync).RequireUser("write:mutes");
        routes.MapPost("/api/v1/accounts/{id}/unmute", UnmuteAsync).RequireUser("write:mutes");
        routes.MapGet("/api/v1/accounts/relationships", RelationshipsAsync).RequireUser("read:follows");
    }

    private static Task<IResult> FollowAsync(string id, RequestParameters p, RequestAuth auth, FollowService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        // A parameter sent empty counts as false, as Rails' truthy_param? reads it.
        var options = new FollowOptions(
            p.Has("reblogs") ? p.Bool("reblogs") ?? false : null,
            p.Has("notify") ? p.Bool("notify") ?? false : null,
            p.Has("languages") ? p.Strings("languages") : null);
        return RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.FollowAsync(viewer, target, options, ct), ct);
    }

    private static Task<IResult> UnfollowAsync(string id, RequestAuth auth, UnfollowService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.UnfollowAsync(viewer, target, ct), ct);

    private static Task<IResult> BlockAsync(string id, RequestAuth auth, BlockService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.BlockAsync(viewer, target, ct), ct);

    private static Task<IResult> UnblockAsync(string id, RequestAuth auth, UnblockService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.UnblockAsync(viewer, target, ct), ct);

    /// <summary>notifications defaults to true (a value sent empty reads false, as Rails' cast); duration in seconds, 0 for good.</summary>
    private static Task<IResult> MuteAsync(string id, RequestParameters p, RequestAuth auth, MuteService service, RelationshipRenderer renderer, CancellationToken ct)
    {
        var notifications = p.Has("notifications") ? p.Bool("notifications") ?? false : true;
        var duration = p.Int("duration") ?? 0;
        return RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.MuteAsync(viewer, target, notifications, duration, ct), ct);
    }

    private static Task<IResult> UnmuteAsync(string id, RequestAuth auth, UnmuteService service, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, (viewer, target) => service.UnmuteAsync(viewer, target, ct), ct);

    /// <summary>In the order asked, each account once; unknown (and, unless with_suspended, suspended) ones left out.</summary>
    private static async Task<IResult> RelationshipsAsync(RequestParameters p, RequestAuth auth, Core.Accounts.AccountStore accounts,
        RelationshipRenderer renderer, CancellationToken ct)
    {
        var asked = p.Strings("id").Select(Snowflake.TryParse).OfType<long>().Distinct().ToList();
        var withSuspended = p.Bool("with_suspended") ?? false;
        var known = (await accounts.ListAsync(asked, ct)).Where(a => withSuspended || a.SuspendedAt is null).Select(a => a.Id).ToHashSet();
        return Results.Ok(await renderer.RenderManyAsync(auth.RequiredAccountId, asked.Where(known.Contains).ToList(), ct));
    }
}
