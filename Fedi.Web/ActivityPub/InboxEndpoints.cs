using Fedi.Core.Federation.Documents;
using Fedi.Core.Federation.Inbound;
using Fedi.Core.Federation.Signatures;
using Fedi.Core.Hosting;
using Fedi.Core.Validation;

namespace Fedi.Web.ActivityPub;

/// <summary>
/// The personal inboxes (<c>/users/:username/inbox</c>) and the shared one (<c>/inbox</c>): signed activities only,
/// bodies up to Mastodon's 1 MiB, answered 202 once enqueued. Unsigned or badly signed: 401.
/// </summary>
public static class InboxEndpoints
{
    public static void MapInboxEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/inbox", (HttpContext http, InboxService inbox, CancellationToken ct) => AcceptAsync(http, inbox, null, ct)).PublicRoute();
        routes.MapPost("/users/{username}/inbox", async (string username, HttpContext http, InboxService inbox, LocalActorService actors, CancellationToken ct) =>
            await actors.FindAsync(username, ct) is { } account ? await AcceptAsync(http, inbox, account.Id, ct) : ActivityPubResults.NotFound()).PublicRoute();
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, InboxService inbox, long? deliveredTo, CancellationToken ct)
    {
        if (http.Request.ContentLength > TextLimits.RequestBodyBytes) return Error(413, "Request body is too large");
        var body = await ReadBoundedAsync(http.Request, ct);
        if (body is null) return Error(413, "Request body is too large");
        try
        {
            await inbox.AcceptAsync(SignedRequestOf(http.Request, body), deliveredTo, ct);
            return Results.StatusCode(202);
        }
        catch (SignatureException e)
        {
            return Error(e.Status, e.Message);
        }
    }

    private static SignedRequest SignedRequestOf(HttpRequest request, byte[] body)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var url = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        return new SignedRequest(request.Method, url, headers, body);
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > TextLimits.RequestBodyBytes) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: status);
}
