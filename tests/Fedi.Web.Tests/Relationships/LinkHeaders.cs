using System.Text.RegularExpressions;
using Fedi.Testing;

namespace Fedi.Web.Tests.Relationships;

/// <summary>Reads Mastodon's Link header.</summary>
public static partial class LinkHeaders
{
    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextPattern();

    public static string Next(ApiResponse response)
    {
        var link = response.Header("Link") ?? "";
        var match = NextPattern().Match(link);
        return match.Success ? match.Groups[1].Value : throw new AssertionException($"No next link in \"{link}\"");
    }
}
