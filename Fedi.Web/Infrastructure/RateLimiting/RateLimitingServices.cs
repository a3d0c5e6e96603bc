using Fedi.Core.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>Mastodon's throttles for the web tier, and the forwarded-headers handling they rest on: a limit keyed
/// on the client's address is only as good as that address.</summary>
public static class RateLimitingServices
{
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, EnvironmentSettings env)
    {
        var proxies = TrustedProxyOptions.From(env);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Walk X-Forwarded-For from the right while the hop that added an entry is trusted, as Rails' remote_ip
            // does: proxies may be chained, and what a client wrote itself on the left is never believed.
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in proxies.Networks) o.KnownIPNetworks.Add(network);
        });
        services.AddSingleton(RateLimitOptions.From(env));
        services.AddSingleton<FixedWindowCounter>();
        return services;
    }

    /// <summary>After CORS, so preflights are answered without counting; before the endpoints.</summary>
    public static void UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled) app.UseMiddleware<RateLimitMiddleware>();
    }
}
