using Ganss.Xss;

namespace Fedi.Core.Federation.Inbox;

/// <summary>
/// Cleans a remote status's HTML to what Mastodon keeps (its Sanitize::Config::MASTODON_STRICT): a few text tags,
/// links with http(s) and a handful of other schemes, and only microformat and mention classes. Everything else —
/// scripts, handlers, styles, images — is removed, so the stored HTML is safe to hand to clients as is.
/// </summary>
public sealed class RemoteHtml
{
    private static readonly string[] ClassPrefixes = ["h-", "p-", "u-", "dt-", "e-"];
    private readonly HtmlSanitizer _sanitizer;

    public RemoteHtml()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                { "p", "br", "span", "a", "del", "s", "pre", "blockquote", "code", "b", "strong", "u", "i", "em", "ul", "ol", "li", "ruby", "rt", "rp" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel", "class", "translate", "start", "reversed", "value" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                { "http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "xmpp", "magnet", "gemini" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "mention", "hashtag", "ellipsis", "invisible" },
        });
        // Microformats classes come in families (h-card, u-url…): keep any class of those prefixes.
        _sanitizer.RemovingCssClass += (_, e) => e.Cancel = ClassPrefixes.Any(p => e.CssClass.StartsWith(p, StringComparison.Ordinal));
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
