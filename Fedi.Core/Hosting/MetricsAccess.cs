using System.Net;
using Fedi.Core.Configuration;
using Microsoft.AspNetCore.Http;

namespace Fedi.Core.Hosting;

/// <summary>
/// Who may read /metrics: a direct connection from an allowed address. Metrics name queues, job classes and
/// connection counts, which are an operator's business; anyone else gets the 404 of a path that does not exist.
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(HttpContext http, IReadOnlyList<IPNetwork> allowed)
    {
        // X-Original-For is where the forwarded-headers middleware moves X-Forwarded-For once it has believed it.
        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("X-Original-For")) return false;
        return http.Connection.RemoteIpAddress is { } address && AddressList.Contains(allowed, address);
    }

    public static Task RefuseAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync("""{"error":"Record not found"}""");
    }
}
