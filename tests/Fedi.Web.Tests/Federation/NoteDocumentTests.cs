using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>Local statuses as Notes: the id the REST API names, addressing by visibility, tags, replies.</summary>
public sealed class NoteDocumentTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_public_status_is_a_Note_at_its_REST_uri_with_mentions_and_hashtags()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var status = (await alice.Client.PostJsonAsync("/api/v1/statuses",
            new { status = $"hello @{bob.Username} #fedi", spoiler_text = "cw" })).EnsureSuccess().RequireJson();
        var actorUrl = $"{Cluster.Base()}/users/{alice.Username}";

        var note = (await Cluster.Api.GetActivityAsync(status.Text("uri"))).EnsureSuccess().RequireJson();

        Assert.Multiple(() =>
        {
            Assert.That(note.Text("id"), Is.EqualTo(status.Text("uri")));
            Assert.That(note.Text("type"), Is.EqualTo("Note"));
            Assert.That(note.Text("attributedTo"), Is.EqualTo(actorUrl));
            Assert.That(note.Text("url"), Is.EqualTo(status.Text("url")));
            Assert.That(note.Text("summary"), Is.EqualTo("cw"));
            Assert.That(note["sensitive"]!.GetValue<bool>(), Is.True);
            Assert.That(note["to"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "https://www.w3.org/ns/activitystreams#Public" }));
            Assert.That(note["cc"]!.AsArray().Select(t => t!.GetValue<string>()),
                Is.EqualTo(new[] { $"{actorUrl}/followers", $"{Cluster.Base()}/users/{bob.Username}" }));
            var tags = note["tag"]!.AsArray();
            Assert.That(tags.Select(t => t!.Text("type")), Is.EquivalentTo(new[] { "Mention", "Hashtag" }));
            Assert.That(tags.Single(t => t!.Text("type") == "Hashtag")!.Text("name"), Is.EqualTo("#fedi"));
        });
        var create = (await Cluster.Api.GetActivityAsync(status.Text("uri") + "/activity")).EnsureSuccess().RequireJson();
        Assert.That(create.Text("type"), Is.EqualTo("Create"));
        Assert.That(create["object"]!.Text("id"), Is.EqualTo(status.Text("uri")));
    }

    [Test]
    public async Task An_unlisted_reply_is_addressed_to_followers_and_names_its_parent()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var parent = (await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = "first" })).EnsureSuccess().RequireJson();
        var reply = (await alice.Client.PostJsonAsync("/api/v1/statuses",
            new { status = "second", visibility = "unlisted", in_reply_to_id = parent.Text("id") })).EnsureSuccess().RequireJson();

        var note = (await Cluster.Api.GetActivityAsync(reply.Text("uri"))).EnsureSuccess().RequireJson();

        Assert.That(note.Text("inReplyTo"), Is.EqualTo(parent.Text("uri")));
        Assert.That(note["to"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo($"{Cluster.Base()}/users/{alice.Username}/followers"));
        Assert.That(note["cc"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("https://www.w3.org/ns/activitystreams#Public"));
    }

    [Test]
    public async Task A_followers_only_status_is_not_served_to_an_anonymous_fetch()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var status = (await alice.Client.PostJsonAsync("/api/v1/statuses", new { status = "secret", visibility = "private" })).EnsureSuccess().RequireJson();
        (await Cluster.Api.GetActivityAsync(status.Text("uri"))).AssertError(404, "Record not found");
    }
}
