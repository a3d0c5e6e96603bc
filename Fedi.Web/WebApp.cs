using System.Globalization;
using Fedi.Core.Configuration;
using Fedi.Core.Hosting;
using Fedi.Core.Json;
using Fedi.Core.Validation;
using Fedi.Web.Infrastructure;
using Fedi.Web.Infrastructure.RateLimiting;
using Fedi.Web.Pages;
using Serilog;

namespace Fedi.Web;

/// <summary>The web tier: its registrations, middleware and routes, in one explicit list.</summary>
public static class WebApp
{
    /// <summary>Kestrel serves requests concurrently; 10 connections serve far more requests than that
    /// because none is held across slow work.</summary>
    public const int DefaultPool = 10;

    public static WebApplication Build(FediSettings settings)
    {
        // ICU is loaded for hashtag normalisation only; nothing here may depend on the host's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        var builder = ServerHost.CreateBuilder(settings, defaultPort: 3000);
        // Form bodies too, chunked ones included, answered 413 by the error handler.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = TextLimits.RequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => FediJson.Configure(o.SerializerOptions));
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("Link", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-Request-Id", "Mastodon-Async-Refresh")));
        builder.Services.AddRateLimiting(settings.Environment);
        builder.Services.AddWebServices();

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging();
        app.UseMastodonErrors();
        app.UseMediaFiles();
        app.UseUploadLimits();
        app.UseRequestParameters();
        app.UseRouting(); // after the error handler, so routing failures answer in Mastodon's shape too
        app.UseCors();
        app.UseRateLimits();
        app.UseScopeRequirements();
        app.MapOperations();
        app.MapWebEndpoints();
        return app;
    }
}
