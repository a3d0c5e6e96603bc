using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Hosting;
using Fedi.Core.OAuth;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Apps;

/// <summary>POST /api/v1/apps and GET /api/v1/apps/verify_credentials.</summary>
public static class AppsEndpoints
{
    public static void MapAppsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/apps", CreateAsync).PublicRoute();
        routes.MapGet("/api/v1/apps/verify_credentials", VerifyCredentialsAsync).RequireToken();
    }

    private static async Task<IResult> CreateAsync(RequestParameters p, CreateApplicationService service, CancellationToken ct)
    {
        var app = await service.CreateAsync(
            new NewApplication(p.String("client_name"), p.Strings("redirect_uris"), p.String("scopes"), p.String("website")), ct);
        return Results.Ok(ApplicationRenderer.RenderWithCredentials(app));
    }

    /// <summary>Any valid token, an app's or a user's, shows its application (without the secret).</summary>
    private static async Task<IResult> VerifyCredentialsAsync(RequestAuth auth, ApplicationStore applications, CancellationToken ct)
    {
        var app = auth.Token?.ApplicationId is { } id ? await applications.FindAsync(id, ct) : null;
        return app is null ? throw new ApiException(401, TokenAuthentication.InvalidToken) : Results.Ok(ApplicationRenderer.Render(app));
    }
}
