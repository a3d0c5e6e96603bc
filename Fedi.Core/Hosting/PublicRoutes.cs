using Microsoft.AspNetCore.Builder;

namespace Fedi.Core.Hosting;

/// <summary>The explicit declaration of a route that needs no scope, so "declares nothing" stays a mistake a test finds.</summary>
public static class PublicRoutes
{
    public static TBuilder PublicRoute<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ScopeRequirement.Public);
}
