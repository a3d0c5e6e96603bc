using Fedi.Core.Hosting;
using Fedi.Core.OAuth;
using Fedi.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Fedi.Web.OAuth;

/// <summary>
/// GET /oauth/authorize shows sign-in and consent; POST answers it. There is no session: the user signs in
/// with each authorization, which also makes force_login always true.
/// </summary>
public static class AuthorizeEndpoints
{
    public static void MapAuthorizeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth/authorize", ShowAsync).PublicRoute();
        routes.MapPost("/oauth/authorize", AnswerAsync).PublicRoute();
    }

    private static async Task<IResult> ShowAsync(HttpContext http, RequestParameters p, PreAuthorizeService preAuthorize, CancellationToken ct)
    {
        var request = Read(p);
        try
        {
            return AuthorizePages.SignIn(http, await preAuthorize.CheckAsync(request, ct), request);
        }
        catch (AuthorizationException e)
        {
            return Refuse(http, e);
        }
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, RequestParameters p, PreAuthorizeService preAuthorize,
        AuthorizeService authorize, CancellationToken ct)
    {
        var request = Read(p);
        PreAuthorization pre;
        try
        {
            pre = await preAuthorize.CheckAsync(request, ct);
        }
        catch (AuthorizationException e)
        {
            return Refuse(http, e);
        }

        if (p.String("decision") == "deny")
        {
            var denied = OAuthErrors.AccessDenied();
            return Refuse(http, new AuthorizationException(denied.Error, denied.Description!, pre.RedirectUri, pre.State, pre.ResponseMode));
        }
        string code;
        try
        {
            code = await authorize.AuthorizeAsync(pre, p.String("email"), p.String("password"), ct);
        }
        catch (SignInException e)
        {
            return AuthorizePages.SignIn(http, pre, request, e.Message, p.String("email"));
        }
        if (pre.IsOutOfBand) return AuthorizePages.Code(http, code);
        return Answer(http, pre.RedirectUri, pre.ResponseMode, Fields(("code", code), ("state", pre.State)));
    }

    /// <summary>Errors go back to the client when its redirect URI is trusted, else onto an error page.</summary>
    private static IResult Refuse(HttpContext http, AuthorizationException e)
    {
        if (e.RedirectUri is null || e.RedirectUri == RedirectUris.OutOfBand) return HtmlPage.Error(http, e.Error, e.Description);
        return Answer(http, e.RedirectUri, e.ResponseMode, Fields(("error", e.Error), ("error_description", e.Description), ("state", e.State)));
    }

    private static IResult Answer(HttpContext http, string redirectUri, string responseMode, Dictionary<string, string> fields) => responseMode switch
    {
        "form_post" => AuthorizePages.FormPost(http, redirectUri, fields),
        "fragment" => Results.Redirect($"{redirectUri}#{string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))}"),
        _ => Results.Redirect(QueryHelpers.AddQueryString(redirectUri, fields!)),
    };

    private static Dictionary<string, string> Fields(params (string Key, string? Value)[] fields) =>
        fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value!);

    private static AuthorizationRequest Read(RequestParameters p) => new()
    {
        ClientId = p.String("client_id"),
        RedirectUri = p.String("redirect_uri"),
        ResponseType = p.String("response_type"),
        ResponseMode = p.String("response_mode"),
        Scope = p.String("scope"),
        State = p.String("state"),
        CodeChallenge = p.String("code_challenge"),
        CodeChallengeMethod = p.String("code_challenge_method"),
    };
}
