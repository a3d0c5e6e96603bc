using System.Text.Json;
using Fedi.Core.Errors;
using Fedi.Core.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Fedi.Web.Infrastructure;

/// <summary>The one place failures become Mastodon's <c>{"error": "..."}</c> with the right status.</summary>
public static class ErrorHandling
{
    public static void UseMastodonErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async http =>
        {
            var failure = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, body) = failure switch
            {
                ApiException api => (api.Status, Body(api)),
                BadHttpRequestException bad => (bad.StatusCode, new Dictionary<string, object?> { ["error"] = bad.StatusCode == 413 ? "Request body is too large" : "Bad request" }),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, new Dictionary<string, object?> { ["error"] = "Client closed request" }),
                _ => (500, new Dictionary<string, object?> { ["error"] = "Internal server error" }),
            };
            if (status >= 500) app.Logger.LogError(failure, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
            await Write(http, status, body);
        }));

        // Unmatched routes and wrong methods answer in the same JSON shape instead of an empty body.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0) return;
            var message = http.Response.StatusCode switch
            {
                404 => "Record not found",
                405 => "Method not allowed",
                415 => "Unsupported media type",
                _ => "Request failed",
            };
            await Write(http, http.Response.StatusCode, new Dictionary<string, object?> { ["error"] = message });
        });
    }

    private static Dictionary<string, object?> Body(ApiException e)
    {
        var body = new Dictionary<string, object?> { ["error"] = e.Error };
        if (e.Description is not null) body["error_description"] = e.Description;
        if (e is ValidationException v)
            body["details"] = v.Errors.GroupBy(f => f.Field).ToDictionary(
                g => g.Key, g => g.Select(f => new Dictionary<string, string> { ["error"] = f.Code, ["description"] = f.Message }).ToArray());
        return body;
    }

    public static Task Write(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, FediJson.Options));
    }
}
