namespace Fedi.Web.Infrastructure;

/// <summary>Declares what an endpoint needs; handlers then read <c>RequestAuth</c> as a parameter.</summary>
public static class EndpointAuthorization
{
    /// <summary>A signed-in user whose token grants <paramref name="scope"/> (or one of <paramref name="orScopes"/>).</summary>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder, string scope, params string[] orScopes) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await TokenAuthentication.RequireAnyAsync(context.HttpContext, [scope, .. orScopes], user: true);
            return await next(context);
        });

    /// <summary>Open to anyone, but a presented token must be valid and grant <paramref name="scope"/> (Mastodon's authorize_if_got_token!).</summary>
    public static TBuilder ScopeIfToken<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var auth = await TokenAuthentication.AuthenticateAsync(context.HttpContext);
            if (auth.Token is { } token && !token.Allows(scope)) throw new Core.Errors.ApiException(403, TokenAuthentication.OutsideScopes);
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
