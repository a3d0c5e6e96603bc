using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Follows;
using Fedi.Core.Identifiers;
using Fedi.Core.Relationships;
using Fedi.Core.Validation;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Accounts;

/// <summary>Several accounts at once, private notes on accounts, removing a follower, familiar followers.</summary>
public static class AccountNoteEndpoints
{
    /// <summary>Mastodon's AccountNote COMMENT_SIZE_LIMIT.</summary>
    public const int NoteLimit = 2_000;

    /// <summary>Mastodon caps id[] lists at 40 accounts.</summary>
    public const int MaxIds = 40;

    public static void MapAccountNoteEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/accounts", ListAsync).ScopeIfToken("read:accounts");
        routes.MapGet("/api/v1/accounts/familiar_followers", FamiliarFollowersAsync).RequireUser("read:follows");
        routes.MapPost("/api/v1/accounts/{id}/note", NoteAsync).RequireUser("write:accounts");
        routes.MapPost("/api/v1/accounts/{id}/remove_from_followers", RemoveFromFollowersAsync).RequireUser("write:follows");
    }

    private static List<long> Ids(RequestParameters p) =>
        p.Strings("id").Select(Snowflake.TryParse).OfType<long>().Distinct().Take(MaxIds).ToList();

    /// <summary>GET /api/v1/accounts?id[]=: the visible ones among them, in the order asked.</summary>
    private static async Task<IResult> ListAsync(RequestParameters p, AccountStore accounts, AccountRenderer renderer, CancellationToken ct)
    {
        var ids = Ids(p);
        var found = (await accounts.ListAsync(ids, ct)).Where(a => a.SuspendedAt is null).ToDictionary(a => a.Id);
        return Results.Ok(ids.Where(found.ContainsKey).Select(id => renderer.Render(found[id])).ToList());
    }

    private static async Task<IResult> FamiliarFollowersAsync(RequestParameters p, RequestAuth auth, FollowStore follows, AccountStore accounts,
        AccountRenderer renderer, CancellationToken ct)
    {
        var ids = Ids(p);
        var familiar = await follows.ListFamiliarFollowersAsync(auth.RequiredAccountId, ids, ct);
        var rows = (await accounts.ListAsync(familiar.SelectMany(g => g).Distinct().ToList(), ct)).ToDictionary(a => a.Id);
        return Results.Ok(ids.Select(id => new
        {
            id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            accounts = familiar[id].Where(rows.ContainsKey).Select(a => renderer.Render(rows[a])).ToList(),
        }).ToList());
    }

    private static Task<IResult> NoteAsync(string id, RequestParameters p, RequestAuth auth, AccountStore accounts, AccountNoteStore notes,
        RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, async (viewer, target) =>
        {
            _ = await accounts.FindVisibleAsync(target, ct) ?? throw Core.Errors.ApiException.NotFound();
            var comment = p.String("comment") ?? "";
            TextLimits.Check(comment, "comment", "Comment", NoteLimit);
            await notes.SetAsync(viewer, target, comment, ct);
        }, ct);

    /// <summary>The account stops following the user: their follow goes, as an unfollow by them would.</summary>
    private static Task<IResult> RemoveFromFollowersAsync(string id, RequestAuth auth, UnfollowService unfollow, RelationshipRenderer renderer, CancellationToken ct) =>
        RelationshipResult.AfterAsync(id, auth, renderer, async (viewer, follower) =>
        {
            await unfollow.UnfollowAsync(follower, viewer, ct);
        }, ct);
}
