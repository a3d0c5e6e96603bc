using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Interactions.InteractionFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

/// <summary>An edit re-reads the text as a post does: mentions and hashtags follow it (Mastodon's UpdateStatusService).</summary>
public sealed class EditMentionsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<JsonArray> MentionNotificationsAsync(TestUser user) =>
        Json(await user.Client.GetAsync("/api/v1/notifications?types[]=mention")).AsArray();

    [Test]
    public async Task An_edit_moves_mentions_and_hashtags_to_the_new_text_and_notifies_only_the_newly_mentioned()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var carol = await Cluster.Users.SignUpAsync();
        var oldTag = $"before{Guid.NewGuid():N}"[..16];
        var newTag = $"after{Guid.NewGuid():N}"[..16];
        var post = await PostAsync(alice, $"hello @{bob.Username} #{oldTag}");
        await Eventually.TrueAsync(async () => (await MentionNotificationsAsync(bob)).Count == 1, "bob is notified of the mention");

        var edited = Json(await alice.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, alice.Client.Absolute($"/api/v1/statuses/{post}"))
        {
            Content = new FormUrlEncodedContent([new("status", $"hello @{carol.Username} #{newTag}")]),
        }));

        Assert.That(edited["mentions"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()), Is.EqualTo(new[] { carol.AccountId }));
        Assert.That(edited["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Is.EqualTo(new[] { newTag }));
        Assert.That(edited["content"]!.GetValue<string>(), Does.Contain("class=\"u-url mention\""));
        await Eventually.TrueAsync(async () => (await MentionNotificationsAsync(carol)).Count == 1, "carol is notified of the new mention");
        var newTimeline = Json(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{newTag}")).AsArray();
        var oldTimeline = Json(await Cluster.Api.GetAsync($"/api/v1/timelines/tag/{oldTag}")).AsArray();
        Assert.That(newTimeline.Select(s => s!["id"]!.GetValue<string>()), Does.Contain(post));
        Assert.That(oldTimeline.Select(s => s!["id"]!.GetValue<string>()), Does.Not.Contain(post));
        Assert.That(await MentionNotificationsAsync(bob), Has.Count.EqualTo(1), "bob is not notified again");
    }
}
