using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Tags;

public sealed class TagTimelineTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static string NewTag() => RandomNames.Unique("Tag");

    [Test]
    public async Task A_posts_tags_are_stored_normalised_and_rendered_with_the_status()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var tag = NewTag();
        var id = await PostAsync(alice, $"Bonjour #{tag} and #Café{tag} and again #{tag.ToUpperInvariant()}");

        var shown = Json(await Cluster.Api.GetAsync($"/api/v1/statuses/{id}"));
        var names = shown["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

        Assert.That(names, Is.EquivalentTo(new[] { tag.ToLowerInvariant(), "cafe" + tag.ToLowerInvariant() }));
        Assert.That(shown["tags"]![0]!["url"]!.GetValue<string>(), Does.Contain("/tags/"));
    }

    [Test]
    public async Task The_tag_timeline_shows_public_posts_with_the_tag_replies_included_and_nothing_else()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var tag = NewTag();
        var shown = await PostAsync(alice, $"public #{tag}");
        var reply = await PostAsync(bob, $"a reply #{tag}", inReplyTo: shown);
        var hidden = new[]
        {
            await PostAsync(alice, $"unlisted #{tag}", "unlisted"),
            await PostAsync(alice, $"private #{tag}", "private"),
            await PostAsync(alice, $"direct #{tag}", "direct"),
            await PostAsync(alice, "untagged"),
        };
        var deleted = await PostAsync(alice, $"soon gone #{tag}");
        (await alice.Client.DeleteAsync($"/api/v1/statuses/{deleted}")).EnsureSuccess();

        var ids = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag.ToUpperInvariant()}"));
        var local = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag}?local=true"));
        var remote = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag}?remote=true"));
        var media = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag}?only_media=true"));

        Assert.That(ids, Is.EqualTo(new[] { reply, shown }));
        Assert.That(ids.Intersect(hidden.Append(deleted)), Is.Empty);
        Assert.That(local, Is.EqualTo(new[] { reply, shown }));
        Assert.That(remote, Is.Empty, "no remote statuses exist yet");
        Assert.That(media, Is.Empty, "no status carries media yet");
    }

    [Test]
    public async Task Any_all_and_none_refine_the_tag_timeline()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var (a, b, c) = (NewTag(), NewTag(), NewTag());
        var onlyA = await PostAsync(alice, $"#{a}");
        var aAndB = await PostAsync(alice, $"#{a} #{b}");
        var onlyB = await PostAsync(alice, $"#{b}");
        var aAndC = await PostAsync(alice, $"#{a} #{c}");

        var any = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{a}?any[]={b}"));
        var all = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{a}?all[]={b}"));
        var none = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{a}?none[]={c}"));
        var allUnknown = Ids(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{a}?all[]={NewTag()}"));

        Assert.That(any, Is.EqualTo(new[] { aAndC, onlyB, aAndB, onlyA }));
        Assert.That(all, Is.EqualTo(new[] { aAndB }));
        Assert.That(none, Is.EqualTo(new[] { aAndB, onlyA }));
        Assert.That(allUnknown, Is.Empty);
    }

    [Test]
    public async Task An_unknown_tag_has_an_empty_timeline_and_pages_carry_link_headers()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var tag = NewTag();
        var posted = new List<string>();
        for (var i = 0; i < 3; i++) posted.Add(await PostAsync(alice, $"#{tag} {i}"));
        posted.Reverse();

        var unknown = await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{NewTag()}");
        var first = await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{tag}?limit=2");
        var next = first.Header("Link")!.Split(", ")[0].Split(';')[0].Trim('<', '>');

        Assert.That(Ids(unknown), Is.Empty);
        Assert.That(Ids(first), Is.EqualTo(posted.Take(2)));
        Assert.That(Ids(await Cluster.Api.GetAsync(next)), Is.EqualTo(posted.Skip(2)));
    }
}
