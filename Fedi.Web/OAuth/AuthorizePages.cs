using System.Text;
using Fedi.Core.OAuth;
using static Fedi.Web.OAuth.HtmlPage;

namespace Fedi.Web.OAuth;

/// <summary>The sign-in and consent page of GET /oauth/authorize, and what the user sees after answering.</summary>
public static class AuthorizePages
{
    public static IResult SignIn(HttpContext http, PreAuthorization pre, AuthorizationRequest request, string? message = null, string? email = null)
    {
        var app = pre.Client;
        var website = string.IsNullOrEmpty(app.Website) ? "" : $"""<p>Website: <a href="{E(app.Website)}" rel="noopener noreferrer">{E(app.Website)}</a></p>""";
        var scopes = new StringBuilder();
        foreach (var scope in pre.Scopes)
            scopes.Append($"""<li><span class="scope">{E(scope)}</span> — {E(ScopeDescriptions.Of(scope))}</li>""");
        var error = message is null ? "" : $"""<p class="error" id="error">{E(message)}</p>""";
        return Render(http, "Authorization required", $"""
            <h1>Authorization required</h1>
            <p><strong id="app-name">{E(app.Name)}</strong> would like permission to access your account.
            Only approve this request if you recognize and trust this source.</p>
            {website}
            <p>This application will be able to:</p>
            <ul id="scopes">{scopes}</ul>
            {error}
            <form method="post" action="/oauth/authorize">
              {Hidden("client_id", request.ClientId)}{Hidden("redirect_uri", request.RedirectUri)}
              {Hidden("response_type", request.ResponseType)}{Hidden("response_mode", request.ResponseMode)}
              {Hidden("scope", request.Scope)}{Hidden("state", request.State)}
              {Hidden("code_challenge", request.CodeChallenge)}{Hidden("code_challenge_method", request.CodeChallengeMethod)}
              <label for="email">E-mail address</label>
              <input type="email" id="email" name="email" value="{E(email)}" autocomplete="username" autofocus>
              <label for="password">Password</label>
              <input type="password" id="password" name="password" autocomplete="current-password">
              <div class="actions">
                <button type="submit" class="secondary" name="decision" value="deny">Deny</button>
                <button type="submit" class="primary" name="decision" value="authorize">Authorize</button>
              </div>
            </form>
            """);
    }

    /// <summary>For urn:ietf:wg:oauth:2.0:oob: the user copies the code into the application.</summary>
    public static IResult Code(HttpContext http, string code) =>
        Render(http, "Authorization code", $"""
            <h1>Copy this authorization code and paste it to the application.</h1>
            <code id="code">{E(code)}</code>
            """);

    /// <summary>response_mode=form_post: the browser posts the answer to the client (a button; no scripts here).</summary>
    public static IResult FormPost(HttpContext http, string redirectUri, IReadOnlyDictionary<string, string> fields)
    {
        var inputs = string.Concat(fields.Select(f => Hidden(f.Key, f.Value)));
        return Render(http, "Submit this form", $"""
            <h1>Return to the application</h1>
            <form method="post" action="{E(redirectUri)}">{inputs}<div class="actions"><button type="submit" class="primary">Continue</button></div></form>
            """);
    }

    private static string Hidden(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $"""<input type="hidden" name="{E(name)}" value="{E(value)}">""";
}
