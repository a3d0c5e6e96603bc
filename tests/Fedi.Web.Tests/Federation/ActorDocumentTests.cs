using System.Security.Cryptography;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>Actor documents and their collections as a peer fetches them, and what a browser gets instead.</summary>
public sealed class ActorDocumentTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task An_actor_document_is_a_Person_with_its_endpoints_and_an_RSA_2048_key()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var actorUrl = $"{Cluster.Base()}/users/{alice.Username}";

        var response = (await Cluster.Api.GetActivityAsync($"/users/{alice.Username}")).EnsureSuccess();
        var actor = response.RequireJson();

        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/activity+json"));
        Assert.Multiple(() =>
        {
            Assert.That(actor.Text("id"), Is.EqualTo(actorUrl));
            Assert.That(actor.Text("type"), Is.EqualTo("Person"));
            Assert.That(actor.Text("preferredUsername"), Is.EqualTo(alice.Username));
            Assert.That(actor.Text("inbox"), Is.EqualTo($"{actorUrl}/inbox"));
            Assert.That(actor.Text("outbox"), Is.EqualTo($"{actorUrl}/outbox"));
            Assert.That(actor.Text("followers"), Is.EqualTo($"{actorUrl}/followers"));
            Assert.That(actor.Text("following"), Is.EqualTo($"{actorUrl}/following"));
            Assert.That(actor.Text("featured"), Is.EqualTo($"{actorUrl}/collections/featured"));
            Assert.That(actor["endpoints"]!.Text("sharedInbox"), Is.EqualTo($"{Cluster.Base()}/inbox"));
            Assert.That(actor.Text("url"), Is.EqualTo($"{Cluster.Base()}/@{alice.Username}"));
            Assert.That(actor["manuallyApprovesFollowers"]!.GetValue<bool>(), Is.False);
            Assert.That(actor["icon"]!.Text("type"), Is.EqualTo("Image"));
            Assert.That(actor["publicKey"]!.Text("id"), Is.EqualTo($"{actorUrl}#main-key"));
            Assert.That(actor["publicKey"]!.Text("owner"), Is.EqualTo(actorUrl));
            Assert.That(actor["@context"]!.AsArray()[0]!.GetValue<string>(), Is.EqualTo("https://www.w3.org/ns/activitystreams"));
            Assert.That(actor["@context"]!.AsArray()[1]!.GetValue<string>(), Is.EqualTo("https://w3id.org/security/v1"));
        });
        using var rsa = RSA.Create();
        rsa.ImportFromPem(actor["publicKey"]!.Text("publicKeyPem"));
        Assert.That(rsa.KeySize, Is.EqualTo(2048));
    }

    [Test]
    public async Task The_ld_json_profile_also_gets_JSON_and_a_browser_is_redirected_to_the_profile()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var ld = await Cluster.Api.GetActivityAsync($"/users/{alice.Username}", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        Assert.That(ld.EnsureSuccess().RequireJson().Text("type"), Is.EqualTo("Person"));

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Cluster.WebUrl}/users/{alice.Username}");
        request.Headers.Accept.ParseAdd("text/html");
        var browser = await noRedirects.SendAsync(request);
        Assert.That((int)browser.StatusCode, Is.EqualTo(302));
        Assert.That(browser.Headers.Location!.ToString(), Does.EndWith($"/@{alice.Username}"));
    }

    [Test]
    public async Task The_instance_actor_is_a_Service_with_a_key_and_unknown_actors_are_404()
    {
        var actor = (await Cluster.Api.GetActivityAsync("/actor")).EnsureSuccess().RequireJson();
        Assert.That(actor.Text("type"), Is.EqualTo("Service"));
        Assert.That(actor.Text("id"), Is.EqualTo($"{Cluster.Base()}/actor"));
        Assert.That(actor["publicKey"]!.Text("publicKeyPem"), Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        (await Cluster.Api.GetActivityAsync("/users/nobody_at_all")).AssertError(404, "Record not found");
    }

    [Test]
    public async Task Followers_and_outbox_are_paged_ordered_collections()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess();
        (await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = "in the outbox" })).EnsureSuccess();
        var actorUrl = $"{Cluster.Base()}/users/{alice.Username}";

        var followers = (await Cluster.Api.GetActivityAsync($"/users/{alice.Username}/followers")).EnsureSuccess().RequireJson();
        Assert.That(followers.Text("type"), Is.EqualTo("OrderedCollection"));
        Assert.That(followers["totalItems"]!.GetValue<long>(), Is.EqualTo(1));
        var page = (await Cluster.Api.GetActivityAsync(followers.Text("first"))).EnsureSuccess().RequireJson();
        Assert.That(page.Text("type"), Is.EqualTo("OrderedCollectionPage"));
        Assert.That(page["orderedItems"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[] { $"{Cluster.Base()}/users/{bob.Username}" }));

        var outbox = (await Cluster.Api.GetActivityAsync($"{actorUrl}/outbox?page=true")).EnsureSuccess().RequireJson();
        var create = outbox["orderedItems"]!.AsArray().Single()!;
        Assert.That(create.Text("type"), Is.EqualTo("Create"));
        Assert.That(create["object"]!.Text("content"), Does.Contain("in the outbox"));
    }
}
