using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Conversations;

public sealed class ConversationsTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task Direct_posts_make_one_conversation_per_set_of_participants_with_unread_for_the_recipients()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var first = await PostAsync(alice, $"@{bob.Username} psst", "direct");
        var bobs = await EventuallyAsync(bob, list => list.Count == 1);
        var answer = await PostAsync(bob, $"@{alice.Username} what?", "direct");
        var alices = await EventuallyAsync(alice, list => list.Count == 1 && list[0]["last_status"]!["id"]!.ToString() == answer);
        var bobsAfter = await EventuallyAsync(bob, list => list[0]["last_status"]!["id"]!.ToString() == answer);

        Assert.That(bobs[0]["unread"]!.GetValue<bool>(), Is.True);
        Assert.That(bobs[0]["last_status"]!["id"]!.ToString(), Is.EqualTo(first));
        Assert.That(bobs[0]["accounts"]!.AsArray().Select(a => a!["id"]!.ToString()), Is.EqualTo(new[] { alice.AccountId }));
        Assert.That(alices[0]["unread"]!.GetValue<bool>(), Is.True, "bob's answer is unread for alice");
        Assert.That(alices[0]["accounts"]!.AsArray().Select(a => a!["id"]!.ToString()), Is.EqualTo(new[] { bob.AccountId }));
        Assert.That(bobsAfter[0]["id"]!.ToString(), Is.EqualTo(bobs[0]["id"]!.ToString()), "the same conversation");
        Assert.That(bobsAfter[0]["unread"]!.GetValue<bool>(), Is.False, "bob wrote the last status");
    }

    [Test]
    public async Task A_conversation_can_be_marked_read_and_removed_by_its_owner_only()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        await PostAsync(alice, $"@{bob.Username} hello", "direct");
        var id = (await EventuallyAsync(bob, list => list.Count == 1))[0]["id"]!.ToString();

        (await alice.Client.PostFormAsync($"/api/v1/conversations/{id}/read", [])).AssertError(404, "Record not found");
        (await alice.Client.DeleteAsync($"/api/v1/conversations/{id}")).AssertError(404, "Record not found");
        var read = Json(await bob.Client.PostFormAsync($"/api/v1/conversations/{id}/read", []));
        var stillThere = await ListAsync(bob);
        var deleted = await bob.Client.DeleteAsync($"/api/v1/conversations/{id}");

        Assert.That(read["unread"]!.GetValue<bool>(), Is.False);
        Assert.That(stillThere.Single()["unread"]!.GetValue<bool>(), Is.False);
        Assert.That(deleted.Status, Is.EqualTo(200));
        Assert.That(await ListAsync(bob), Is.Empty);
        Assert.That(await ListAsync(alice), Has.Count.EqualTo(1), "alice's side is hers");
    }

    [Test]
    public async Task Deleting_the_only_status_of_a_conversation_removes_it()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var status = await PostAsync(alice, $"@{bob.Username} oops", "direct");
        await EventuallyAsync(bob, list => list.Count == 1);

        (await alice.Client.DeleteAsync($"/api/v1/statuses/{status}")).EnsureSuccess();

        Assert.That(await EventuallyAsync(bob, list => list.Count == 0), Is.Empty);
        Assert.That(await ListAsync(alice), Is.Empty);
    }

    private static async Task<IReadOnlyList<JsonNode>> ListAsync(TestUser user) =>
        Json(await user.Client.GetAsync("/api/v1/conversations")).AsArray().Select(c => c!).ToList();

    /// <summary>Conversations are written by the worker's fan-out: poll until the list is as expected.</summary>
    private static async Task<IReadOnlyList<JsonNode>> EventuallyAsync(TestUser user, Func<IReadOnlyList<JsonNode>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var list = await ListAsync(user);
            if (done(list) || DateTime.UtcNow > deadline) return list;
            await Task.Delay(50);
        }
    }
}
