using Fedi.Core.Errors;
using Fedi.Core.Hosting;

namespace Fedi.Web.Infrastructure;

/// <summary>
/// Enforces the <see cref="ScopeRequirement"/> of the matched endpoint, after routing and before model binding, so
/// no handler, body parser or lookup runs for a token without the scope.
/// </summary>
public static class ScopeEnforcement
{
    public static IApplicationBuilder UseScopeRequirements(this IApplicationBuilder app) =>
        app.Use(next => async http =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ScopeRequirement>() is { } requirement) await EnforceAsync(http, requirement);
            await next(http);
        });

    private static async Task EnforceAsync(HttpContext http, ScopeRequirement requirement)
    {
        switch (requirement.Kind)
        {
            case ScopeKind.User:
            case ScopeKind.Token:
                await TokenAuthentication.RequireAnyAsync(http, requirement.Scopes, user: requirement.Kind == ScopeKind.User);
                break;
            case ScopeKind.IfToken:
                var auth = await TokenAuthentication.AuthenticateAsync(http);
                if (auth.Token is { } token && !requirement.Scopes.Any(token.Allows)) throw new ApiException(403, TokenAuthentication.OutsideScopes);
                break;
            default: // public: a handler that reads RequestAuth still refuses an invalid token
                break;
        }
    }
}
