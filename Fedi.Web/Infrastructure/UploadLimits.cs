using Microsoft.AspNetCore.Http.Features;
using Fedi.Core.Configuration;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// The routes that take files (media uploads, avatar and header) accept bodies up to the video limit; every other
/// route keeps the 1 MiB cap. Raised before the body is read, which the request parameters do ahead of routing.
/// </summary>
public static class UploadLimits
{
    private static readonly string[] UploadPaths = ["/api/v1/media", "/api/v2/media", "/api/v1/accounts/update_credentials"];

    public static void UseUploadLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MediaOptions>();
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && UploadPaths.Contains(http.Request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase)
                && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = options.UploadBodyLimit;
            await next(http);
        });
    }
}
