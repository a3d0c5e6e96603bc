using Fedi.Core.Hosting;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// Declares what an endpoint needs, in its registration and nowhere else: each call adds a <see cref="ScopeRequirement"/>
/// to the endpoint's metadata, which <see cref="ScopeEnforcement"/> enforces before the request body is read or the
/// handler runs (so a missing scope is 403 before any 400, 404 or 422) and the route table prints. Routes open to
/// anyone declare <see cref="PublicRoutes.PublicRoute{TBuilder}"/>. Handlers then read <c>RequestAuth</c> as a parameter.
/// </summary>
public static class EndpointAuthorization
{
    /// <summary>A signed-in user whose token grants <paramref name="scope"/> (or one of <paramref name="orScopes"/>).</summary>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder, string scope, params string[] orScopes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeRequirement(ScopeKind.User, [scope, .. orScopes]));

    /// <summary>Open to anyone, but a presented token must be valid and grant <paramref name="scope"/> (Mastodon's authorize_if_got_token!).</summary>
    public static TBuilder ScopeIfToken<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeRequirement(ScopeKind.IfToken, [scope]));

    /// <summary>Any token (an app's or a user's) granting <paramref name="scope"/>; any valid token at all when it is null.</summary>
    public static TBuilder RequireToken<TBuilder>(this TBuilder builder, string? scope = null) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeRequirement(ScopeKind.Token, scope is null ? [] : [scope]));
}
