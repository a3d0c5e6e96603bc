using System.Text;
using Fedi.Core.Configuration;
using Fedi.Core.Data;
using Fedi.Core.Federation.Documents;
using Fedi.Core.Hosting;
using Fedi.Core.Instance;
using Fedi.Core.Statuses;
using Fedi.Core.Timelines;
using Fedi.Web.OAuth;

namespace Fedi.Web.Pages;

/// <summary>
/// <c>/</c>: what a person who opens the server's address in a browser finds — the server, how to use it from a
/// Mastodon app, and its latest public local posts, rendered on the server without scripts.
/// </summary>
public static class LandingPageEndpoints
{
    private const int Shown = 20;

    public static void MapLandingPageEndpoints(this IEndpointRouteBuilder app) => app.MapGet("/", ShowAsync).PublicRoute();

    private static async Task<IResult> ShowAsync(HttpContext http, InstanceOptions instance, InstanceStatsStore stats, TimelineStore timelines,
        NoteSources sources, CancellationToken ct)
    {
        var counts = await stats.ReadAsync(ct);
        var posts = await sources.LoadAsync(await timelines.ListPublicAsync(Page.Newest(Shown), local: true, viewerId: null, onlyMedia: false, ct), ct);
        var body = new StringBuilder($"""
            <h1>{HtmlPage.E(instance.LocalDomain)}</h1>
            <p>A Mastodon-compatible server: {counts.UserCount} people, {counts.StatusCount} posts.</p>
            <p>Sign in from any Mastodon app (Tusky, Ivory, Elk, toot…) by giving it the server address
            <strong>{HtmlPage.E(instance.LocalDomain)}</strong>; the app opens this server's sign-in page.</p>
            <h2>Latest posts</h2>
            """);
        if (posts.Count == 0) body.Append("<p>Nothing has been posted here yet.</p>");
        foreach (var post in posts)
        {
            var (status, author) = (post.Status, post.Author);
            var content = StatusHtml.Format(status.Text, post.Mentioned, instance.WebBaseUrl, instance.LocalDomain);
            body.Append($"""
                <article class="post"><p class="author"><strong>{HtmlPage.E(author.DisplayName.Length > 0 ? author.DisplayName : author.Username)}</strong>
                @{HtmlPage.E(author.Username)} · <time datetime="{status.CreatedAt:O}">{status.CreatedAt:yyyy-MM-dd HH:mm}</time></p>
                {(status.SpoilerText.Length > 0 ? $"<details><summary>{HtmlPage.E(status.SpoilerText)}</summary>{content}</details>" : content)}</article>
                """);
        }
        return HtmlPage.Render(http, instance.LocalDomain, body.ToString());
    }
}
