namespace Fedi.Web.Infrastructure;

/// <summary>Declares what an endpoint needs; handlers then read <c>RequestAuth</c> as a parameter.</summary>
public static class EndpointAuthorization
{
    /// <summary>A signed-in user whose token grants <paramref name="scope"/>.</summary>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await TokenAuthentication.RequireAsync(context.HttpContext, scope, user: true);
            return await next(context);
        });

    /// <summary>Any token (an app's or a user's) granting <paramref name="scope"/>.</summary>
    public static TBuilder RequireToken<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await TokenAuthentication.RequireAsync(context.HttpContext, scope, user: false);
            return await next(context);
        });
}
