using System.Net;
using System.Text.RegularExpressions;

namespace Fedi.Core.OAuth;

/// <summary>
/// Redirect URI rules as Doorkeeper applies them with Mastodon's configuration: absolute URIs of any scheme
/// (apps use custom schemes) or the out-of-band URN; never javascript:, data: or vbscript:; no fragment.
/// At authorization the requested URI must equal a registered one, except that the port of a loopback IP
/// may differ (RFC 8252 §7.3) and query parameters may come in any order.
/// </summary>
public static partial class RedirectUris
{
    public const string OutOfBand = "urn:ietf:wg:oauth:2.0:oob";
    private static readonly string[] ForbiddenSchemes = ["javascript", "data", "vbscript"];

    [GeneratedRegex("^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex SchemePattern();

    // RFC 3986 characters (unreserved, reserved, percent); anything else makes Ruby's URI.parse fail.
    [GeneratedRegex(@"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")]
    private static partial Regex UriCharacters();

    /// <summary>Splits a registration value (newline- or space-separated) into its URIs.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>Doorkeeper's messages for one URI ("must be an absolute URI."); empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Problems(string uri)
    {
        if (uri == OutOfBand) return [];
        if (!UriCharacters().IsMatch(uri)) return ["must be a valid URI."];
        var match = SchemePattern().Match(uri);
        if (!match.Success) return ["must be an absolute URI."];

        var problems = new List<string>();
        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value;
        if (ForbiddenSchemes.Contains(scheme)) problems.Add("is forbidden by the server.");
        if (uri.Contains('#', StringComparison.Ordinal)) problems.Add("cannot contain a fragment.");
        // "localhost:3000/cb" parses as scheme "localhost"; "app:callback" has no hierarchical part at all.
        if (scheme == "localhost" || (rest.Length > 0 && rest[0] != '/')) problems.Add("must specify a scheme.");
        if (scheme is "http" or "https" && !HasHost(rest)) problems.Add("must be a valid URI.");
        return problems;
    }

    /// <summary>True when <paramref name="requested"/> is valid and matches one of <paramref name="registered"/>.</summary>
    public static bool IsValidForAuthorization(string? requested, IEnumerable<string> registered) =>
        !string.IsNullOrEmpty(requested) && Problems(requested).Count == 0 && registered.Any(r => Matches(requested, r));

    private static bool Matches(string requested, string registered)
    {
        if (requested == OutOfBand || registered == OutOfBand) return requested == registered;
        if (!Uri.TryCreate(requested, UriKind.Absolute, out var a) || !Uri.TryCreate(registered, UriKind.Absolute, out var b))
            return requested == registered;
        var loopback = IsLoopbackIp(a) && IsLoopbackIp(b);
        return a.Scheme == b.Scheme && a.UserInfo == b.UserInfo
               && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
               && (loopback || a.Port == b.Port)
               && a.AbsolutePath == b.AbsolutePath
               && SameQuery(a.Query, b.Query);
    }

    private static bool SameQuery(string a, string b) =>
        a.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)
            .SequenceEqual(b.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static bool IsLoopbackIp(Uri uri) =>
        IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

    private static bool HasHost(string rest)
    {
        if (!rest.StartsWith("//", StringComparison.Ordinal)) return false;
        var authority = rest[2..].Split(['/', '?', '#'], 2)[0];
        var host = authority.Contains('@') ? authority[(authority.LastIndexOf('@') + 1)..] : authority;
        return host.Split(':')[0].Length > 0 || host.StartsWith('[');
    }
}
