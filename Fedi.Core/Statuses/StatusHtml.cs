using System.Net;
using System.Text;
using Fedi.Core.Accounts;

namespace Fedi.Core.Statuses;

/// <summary>
/// Turns a local status's plain text into Mastodon's HTML: escaped, paragraphs and line breaks, links,
/// mentions as h-cards, hashtags linking to the tag page. Everything not produced here is escaped.
/// </summary>
public static class StatusHtml
{
    public static string Format(string text, IReadOnlyCollection<Account> mentioned, string webBaseUrl, string localDomain)
    {
        if (text.Length == 0) return "";
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
            html.Append("<p>").Append(FormatInline(paragraph, mentioned, webBaseUrl, localDomain).Replace("\n", "<br />")).Append("</p>");
        return html.ToString();
    }

    private static string FormatInline(string text, IReadOnlyCollection<Account> mentioned, string webBaseUrl, string localDomain)
    {
        var tokens = new List<(int Start, int Length, string Html)>();
        foreach (System.Text.RegularExpressions.Match url in StatusText.UrlPattern().Matches(text))
            tokens.Add((url.Index, url.Length, Link(url.Value)));
        foreach (System.Text.RegularExpressions.Match mention in StatusText.MentionPattern().Matches(text))
        {
            var username = mention.Groups["username"].Value;
            var domain = mention.Groups["domain"].Success ? mention.Groups["domain"].Value : null;
            if (domain is not null && domain.Equals(localDomain, StringComparison.OrdinalIgnoreCase)) domain = null;
            var account = mentioned.FirstOrDefault(a =>
                a.Username.Equals(username, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(a.Domain, domain, StringComparison.OrdinalIgnoreCase));
            if (account is not null)
                tokens.Add((mention.Index, mention.Length,
                    $"<span class=\"h-card\" translate=\"no\"><a href=\"{Attr(account.Url ?? account.Uri)}\" class=\"u-url mention\">@<span>{WebUtility.HtmlEncode(account.Username)}</span></a></span>"));
        }
        foreach (System.Text.RegularExpressions.Match tag in StatusText.HashtagPattern().Matches(text))
        {
            var name = tag.Groups["tag"].Value;
            tokens.Add((tag.Index, tag.Length,
                $"<a href=\"{Attr($"{webBaseUrl}/tags/{Uri.EscapeDataString(name)}")}\" class=\"mention hashtag\" rel=\"tag\">#<span>{WebUtility.HtmlEncode(name)}</span></a>"));
        }

        var html = new StringBuilder();
        var position = 0;
        foreach (var token in tokens.OrderBy(t => t.Start))
        {
            if (token.Start < position) continue; // overlaps a token already placed (e.g. a # inside a URL)
            html.Append(WebUtility.HtmlEncode(text[position..token.Start])).Append(token.Html);
            position = token.Start + token.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[position..])).ToString();
    }

    private static string Link(string url) =>
        $"<a href=\"{Attr(url)}\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">{WebUtility.HtmlEncode(url)}</a>";

    private static string Attr(string value) => WebUtility.HtmlEncode(value);
}
