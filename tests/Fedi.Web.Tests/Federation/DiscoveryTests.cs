using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>WebFinger, host-meta and NodeInfo as a peer or a crawler reads them.</summary>
public sealed class DiscoveryTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task WebFinger_finds_a_local_account_by_acct_and_by_actor_url()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var actor = $"{Cluster.Base()}/users/{alice.Username}";

        var byAcct = await Cluster.Api.GetAsync($"/.well-known/webfinger?resource=acct:{alice.Username}@{Cluster.Domain()}");
        var byUrl = await Cluster.Api.GetAsync($"/.well-known/webfinger?resource={Uri.EscapeDataString(actor)}");

        foreach (var response in new[] { byAcct, byUrl })
        {
            var jrd = response.EnsureSuccess().RequireJson();
            Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/jrd+json"));
            Assert.That(jrd.Text("subject"), Is.EqualTo($"acct:{alice.Username}@{Cluster.Domain()}"));
            Assert.That(jrd["aliases"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain(actor));
            var links = jrd["links"]!.AsArray().Select(l => l!.AsObject()).ToList();
            var self = links.Single(l => l.Text("rel") == "self");
            Assert.That(self.Text("type"), Is.EqualTo("application/activity+json"));
            Assert.That(self.Text("href"), Is.EqualTo(actor));
            Assert.That(links.Any(l => l.Text("rel") == "http://webfinger.net/rel/profile-page"), Is.True);
            Assert.That(links.Single(l => l.Text("rel") == "http://ostatus.org/schema/1.0/subscribe").Text("template"), Does.Contain("{uri}"));
        }
    }

    [Test]
    public async Task WebFinger_answers_404_for_an_unknown_account_and_400_without_a_resource()
    {
        (await Cluster.Api.GetAsync($"/.well-known/webfinger?resource=acct:nobody_here@{Cluster.Domain()}")).AssertError(404, "Record not found");
        (await Cluster.Api.GetAsync("/.well-known/webfinger?resource=acct:someone@elsewhere.example")).AssertError(404, "Record not found");
        var missing = await Cluster.Api.GetAsync("/.well-known/webfinger");
        Assert.That(missing.Status, Is.EqualTo(400));
        Assert.That(missing.RequireJson()["error"], Is.Not.Null);
    }

    [Test]
    public async Task Host_meta_points_at_the_webfinger_template()
    {
        var response = (await Cluster.Api.GetAsync("/.well-known/host-meta")).EnsureSuccess();
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/xrd+xml"));
        Assert.That(response.Body, Does.Contain($"{Cluster.Base()}/.well-known/webfinger?resource={{uri}}"));
    }

    [Test]
    public async Task NodeInfo_links_both_schemas_and_reports_usage_and_activitypub()
    {
        var author = await Cluster.Users.SignUpAsync();
        (await author.Client.PostJsonAsync("/api/v1/statuses", new { status = "counted" })).EnsureSuccess();

        var index = (await Cluster.Api.GetAsync("/.well-known/nodeinfo")).EnsureSuccess().RequireJson();
        var hrefs = index["links"]!.AsArray().Select(l => l!.Text("href")).ToList();
        Assert.That(hrefs, Is.EquivalentTo(new[] { $"{Cluster.Base()}/nodeinfo/2.0", $"{Cluster.Base()}/nodeinfo/2.1" }));

        foreach (var version in new[] { "2.0", "2.1" })
        {
            var document = (await Cluster.Api.GetAsync($"/nodeinfo/{version}")).EnsureSuccess().RequireJson();
            Assert.That(document.Text("version"), Is.EqualTo(version));
            Assert.That(document["protocols"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "activitypub" }));
            Assert.That(document["usage"]!["users"]!["total"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(document["usage"]!["users"]!["activeMonth"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(document["usage"]!["localPosts"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(document["openRegistrations"]!.GetValue<bool>(), Is.True);
        }
    }
}
