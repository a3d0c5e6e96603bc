using System.Text.Json;
using Fedi.Core.Errors;
using Fedi.Core.Json;

namespace Fedi.Web.Infrastructure;

/// <summary>The one place failures become Mastodon's <c>{"error": "..."}</c> with the right status.</summary>
public static partial class ErrorHandling
{
    public static void UseMastodonErrors(this WebApplication app)
    {
        var logger = app.Logger;
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception failure) when (!http.Response.HasStarted)
            {
                var (status, body) = Classify(failure, http);
                if (status == 503) LogUnavailable(logger, failure, http.Request.Method, http.Request.Path);
                else if (status >= 500) LogFailure(logger, failure, http.Request.Method, http.Request.Path);
                http.Response.Clear();
                await Write(http, status, body);
            }
        });

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

    private static (int Status, Dictionary<string, object?> Body) Classify(Exception failure, HttpContext http) => failure switch
    {
        ApiException api => (api.Status, Body(api)),
        BadHttpRequestException bad => (bad.StatusCode, Error(bad.StatusCode == 413 ? "Request body is too large" : "Bad request")),
        Npgsql.NpgsqlException or StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException or TimeoutException
            => (503, Error("Service temporarily unavailable")),
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, Error("Client closed request")),
        _ => (500, Error("Internal server error")),
    };

    private static Dictionary<string, object?> Error(string message) => new() { ["error"] = message };

    private static Dictionary<string, object?> Body(ApiException e)
    {
        var body = Error(e.Error);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception failure, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A backing service is unavailable for {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception failure, string method, string path);
}
