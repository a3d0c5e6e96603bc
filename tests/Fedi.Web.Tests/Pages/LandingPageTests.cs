using Fedi.Testing;

namespace Fedi.Web.Tests.Pages;

/// <summary>The server's address opened in a browser: an HTML page with how to sign in and the latest public local posts.</summary>
public sealed class LandingPageTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task The_front_page_is_HTML_showing_public_posts_and_hiding_the_others()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var marker = Guid.NewGuid().ToString("N");
        (await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = $"public {marker} <b>bold?</b>" })).EnsureSuccess();
        (await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = $"secret {marker}", visibility = "private" })).EnsureSuccess();

        var page = await Cluster.Api.GetAsync("/");

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Header("Content-Security-Policy"), Does.Contain("default-src 'none'"));
        Assert.That(page.Body, Does.Contain($"public {marker}"));
        Assert.That(page.Body, Does.Not.Contain("<b>bold?</b>"), "post text is escaped, not markup");
        Assert.That(page.Body, Does.Not.Contain($"secret {marker}"), "followers-only posts are not on the public page");
        Assert.That(page.Body, Does.Contain("@" + alice.Username));
    }
}
