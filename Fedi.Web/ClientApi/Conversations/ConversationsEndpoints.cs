using Fedi.Core.Conversations;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Conversations;

/// <summary>GET /api/v1/conversations: the user's direct conversations, paged by their last status.</summary>
public static class ConversationsEndpoints
{
    private const int DefaultLimit = 20;

    public static void MapConversationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations", IndexAsync).RequireUser("read:statuses");
    }

    private static async Task<IResult> IndexAsync(HttpContext http, RequestAuth auth, RequestParameters p,
        ConversationStore conversations, ConversationRenderer renderer, CancellationToken ct)
    {
        var page = await conversations.ListPageAsync(auth.RequiredAccountId, PageRequest.From(p, DefaultLimit), ct);
        LinkHeader.Set(http, page.Select(c => c.LastStatusId ?? 0).ToList());
        return Results.Ok(await renderer.RenderManyAsync(page, auth.RequiredAccountId, ct));
    }
}
