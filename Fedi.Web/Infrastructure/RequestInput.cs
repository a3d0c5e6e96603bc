namespace Fedi.Web.Infrastructure;

/// <summary>
/// Decodes every request's parameters (query string and body) once, before routing, so input no route can use
/// (undecodable JSON or charsets, U+0000) fails in the same way on every route, including those that would not
/// have read the body, and before any service or query runs.
/// </summary>
public static class RequestInput
{
    public static void UseRequestParameters(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            // An inbox verifies the signature over the body's exact bytes, so it reads the body itself.
            if (!IsInbox(http.Request)) await RequestParameters.ReadAsync(http);
            await next(http);
        });

    private static bool IsInbox(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path
        && (path == "/inbox" || (path.StartsWith("/users/", StringComparison.Ordinal) && path.EndsWith("/inbox", StringComparison.Ordinal)));
}
