using System.Globalization;
using System.Text.RegularExpressions;
using Fedi.Core.Errors;

namespace Fedi.Core.Relationships;

/// <summary>
/// A domain as a user names it for a domain block: trimmed, lower-cased and in ASCII (punycode), as
/// Mastodon's normalize_domain; anything that is not a host name is Mastodon's validation error.
/// </summary>
public static partial class BlockedDomain
{
    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostPattern();

    private static readonly IdnMapping Idn = new();

    /// <exception cref="ApiException">422 blank or invalid.</exception>
    public static string Normalize(string? domain)
    {
        var trimmed = domain?.Trim().TrimEnd('.') ?? "";
        if (trimmed.Length == 0) throw ApiException.Unprocessable("Validation failed: Domain can't be blank");
        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw Invalid();
        }
        return HostPattern().IsMatch(ascii) ? ascii : throw Invalid();
    }

    /// <summary>The domain of a Mastodon acct (<c>user@domain</c>), lower-cased; null for a local acct.</summary>
    public static string? OfAcct(string? acct)
    {
        var at = acct?.LastIndexOf('@') ?? -1;
        return at < 0 || at == acct!.Length - 1 ? null : acct[(at + 1)..].ToLowerInvariant();
    }

    private static ApiException Invalid() => ApiException.Unprocessable("Validation failed: Domain is not a valid domain name");
}
