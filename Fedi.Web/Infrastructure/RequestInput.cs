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
            await RequestParameters.ReadAsync(http);
            await next(http);
        });
}
