using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fedi.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Fedi.Web.Tests.OAuth;

/// <summary>What a browser does on the authorization page: load it, fill in the form, post it back.</summary>
public static partial class OAuthFlow
{
    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string S256(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static Task<ApiResponse> OpenAsync(ApiClient api, IDictionary<string, string?> query) =>
        api.GetAsync(QueryHelpers.AddQueryString("/oauth/authorize", query));

    /// <summary>Posts the page's form back with the hidden fields it carried plus the user's answer.</summary>
    public static Task<ApiResponse> SubmitAsync(ApiClient api, string page, string? email, string? password, string decision = "authorize")
    {
        var form = HiddenFields(page).ToList();
        if (email is not null) form.Add(new("email", email));
        if (password is not null) form.Add(new("password", password));
        form.Add(new("decision", decision));
        return api.PostFormAsync("/oauth/authorize", form);
    }

    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string page) =>
        HiddenInput().Matches(page).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)));

    /// <summary>The query parameters of a redirect's Location.</summary>
    public static Dictionary<string, string> RedirectQuery(ApiResponse response)
    {
        var location = response.Headers.Location ?? throw new AssertionException($"No Location in {response}");
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>The code shown on the out-of-band page, in the element with id "code".</summary>
    public static string ShownCode(ApiResponse response) =>
        WebUtility.HtmlDecode(Regex.Match(response.Body, """<code id="code">(?<code>[^<]*)</code>""").Groups["code"].Value);

    public static Task<ApiResponse> ExchangeAsync(ApiClient api, TestApp app, string code, string redirectUri, string? verifier = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri),
            new("client_id", app.ClientId), new("client_secret", app.ClientSecret),
        };
        if (verifier is not null) form.Add(new("code_verifier", verifier));
        return api.PostFormAsync("/oauth/token", form);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
