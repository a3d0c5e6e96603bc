using Fedi.Testing;
using static Fedi.Web.Tests.Notifications.Notifications;

namespace Fedi.Web.Tests.FollowRequests;

/// <summary>Following a locked account asks it first; its answer decides.</summary>
public sealed class FollowRequestTests
{
    private static async Task<TestUser> LockedAsync()
    {
        var user = await SignUpAsync();
        await Rows.ExecuteAsync("UPDATE accounts SET locked = true WHERE id = @id", new { id = long.Parse(user.AccountId) });
        return user;
    }

    private static async Task<IReadOnlyList<string>> RequestersAsync(TestUser target) =>
        (await target.Client.GetAsync("/api/v1/follow_requests")).EnsureSuccess().RequireJson().AsArray().Select(a => a.Text("id")).ToList();

    [Test]
    public async Task Following_a_locked_account_creates_a_follow_request_and_notifies_it()
    {
        var alice = await LockedAsync();
        var bob = await SignUpAsync();

        var relationship = (await bob.Client.PostFormAsync($"/api/v1/accounts/{alice.AccountId}/follow", [])).EnsureSuccess().RequireJson();

        Assert.That(relationship["requested"]!.GetValue<bool>(), Is.True);
        Assert.That(relationship["following"]!.GetValue<bool>(), Is.False);
        Assert.That(await RequestersAsync(alice), Is.EqualTo(new[] { bob.AccountId }));
        await WaitForAsync(alice, "follow_request", bob);
        Assert.That(await Rows.CountAsync("SELECT count(*) FROM follows WHERE account_id = @id", new { id = long.Parse(bob.AccountId) }), Is.Zero);
    }

    [Test]
    public async Task Authorizing_turns_the_request_into_a_follow_with_its_home_feed_and_a_follow_notification()
    {
        var alice = await LockedAsync();
        var bob = await SignUpAsync();
        var statusId = await PostAsync(alice, "followers only", visibility: "private");
        await FollowAsync(bob, alice);

        var relationship = (await alice.Client.PostFormAsync($"/api/v1/follow_requests/{bob.AccountId}/authorize", [])).EnsureSuccess().RequireJson();

        Assert.That(relationship["followed_by"]!.GetValue<bool>(), Is.True);
        Assert.That(await RequestersAsync(alice), Is.Empty);
        await WaitForAsync(alice, "follow", bob);
        await Eventually.TrueAsync(async () => (await bob.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray()
            .Any(s => s.Text("id") == statusId), "the locked account's status in the new follower's home");
        (await alice.Client.PostFormAsync($"/api/v1/follow_requests/{bob.AccountId}/authorize", [])).AssertError(404, "Record not found");
    }

    [Test]
    public async Task Rejecting_removes_the_request_and_makes_no_follow()
    {
        var alice = await LockedAsync();
        var bob = await SignUpAsync();
        await FollowAsync(bob, alice);

        var relationship = (await alice.Client.PostFormAsync($"/api/v1/follow_requests/{bob.AccountId}/reject", [])).EnsureSuccess().RequireJson();
        var fromBob = (await bob.Client.GetAsync($"/api/v1/accounts/relationships?id[]={alice.AccountId}")).EnsureSuccess().RequireJson()[0]!;

        Assert.That(relationship["followed_by"]!.GetValue<bool>(), Is.False);
        Assert.That(fromBob["requested"]!.GetValue<bool>(), Is.False);
        Assert.That(fromBob["following"]!.GetValue<bool>(), Is.False);
        Assert.That(await RequestersAsync(alice), Is.Empty);
    }
}
