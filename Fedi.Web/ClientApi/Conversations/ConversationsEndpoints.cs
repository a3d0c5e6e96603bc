using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Conversations;
using Fedi.Core.Errors;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Conversations;

/// <summary>/api/v1/conversations: the user's direct conversations, paged by their last status; read and remove one.</summary>
public static class ConversationsEndpoints
{
    public static void MapConversationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations", IndexAsync).RequireUser("read:statuses");
        app.MapPost("/api/v1/conversations/{id}/read", ReadAsync).RequireUser("write:conversations");
        app.MapDelete("/api/v1/conversations/{id}", DeleteAsync).RequireUser("write:conversations");
    }

    private static async Task<IResult> IndexAsync(HttpContext http, RequestAuth auth, RequestParameters p,
        ListConversationsService conversations, ConversationRenderer renderer, CancellationToken ct)
    {
        var page = await conversations.ListAsync(auth.RequiredAccountId, p.Page(Paging.Statuses), ct);
        return http.Paged(page.Select(c => c.LastStatusId ?? 0).ToList(), await renderer.RenderManyAsync(page, auth.RequiredAccountId, ct));
    }

    private static async Task<IResult> ReadAsync(string id, RequestAuth auth, ConversationStore conversations, ConversationRenderer renderer, CancellationToken ct)
    {
        var read = await conversations.MarkReadAsync(RouteId.Parse(id), auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        return Results.Ok((await renderer.RenderManyAsync([read], auth.RequiredAccountId, ct))[0]);
    }

    private static async Task<IResult> DeleteAsync(string id, RequestAuth auth, ConversationStore conversations, CancellationToken ct)
    {
        if (!await conversations.DeleteAsync(RouteId.Parse(id), auth.RequiredAccountId, ct)) throw ApiException.NotFound();
        return Results.Ok(new { });
    }
}
