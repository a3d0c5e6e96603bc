using Fedi.Testing;
using static Fedi.Web.Tests.Notifications.Notifications;

namespace Fedi.Web.Tests.Notifications;

/// <summary>Reading notifications: filters, one by id, dismiss and clear, v2 groups, unread counts after the marker.</summary>
public sealed class NotificationListTests
{
    /// <summary>alice gets a follow from each follower and a mention from the first.</summary>
    private static async Task<(TestUser Alice, TestUser[] Followers)> SceneAsync(int followers)
    {
        var alice = await SignUpAsync();
        var others = new TestUser[followers];
        for (var i = 0; i < followers; i++)
        {
            others[i] = await SignUpAsync();
            await FollowAsync(others[i], alice);
            await WaitForAsync(alice, "follow", others[i]);
        }
        await PostAsync(others[0], $"@{alice.Username} hi");
        await WaitForAsync(alice, "mention", others[0]);
        return (alice, others);
    }

    [Test]
    public async Task Types_exclude_types_and_account_id_filter_the_list()
    {
        var (alice, followers) = await SceneAsync(2);

        var mentions = await ListAsync(alice, "?types[]=mention");
        var notMentions = await ListAsync(alice, "?exclude_types[]=mention");
        var fromSecond = await ListAsync(alice, $"?account_id={followers[1].AccountId}");

        Assert.That(mentions.Select(n => n.Text("type")), Is.EqualTo(new[] { "mention" }));
        Assert.That(notMentions.Select(n => n.Text("type")), Is.EqualTo(new[] { "follow", "follow" }));
        Assert.That(fromSecond.Select(n => n!["account"].Text("id")), Is.EqualTo(new[] { followers[1].AccountId }));
    }

    [Test]
    public async Task Paging_follows_the_link_header_newest_first()
    {
        var (alice, _) = await SceneAsync(2);

        var first = await alice.Client.GetAsync("/api/v1/notifications?limit=2");
        var all = await ListAsync(alice);
        var older = await ListAsync(alice, $"?max_id={first.RequireJson().AsArray()[1].Text("id")}");

        Assert.That(first.Headers.GetValues("Link").Single(), Does.Contain("rel=\"next\""));
        Assert.That(older.Select(n => n.Text("id")), Is.EqualTo(new[] { all[2].Text("id") }));
    }

    [Test]
    public async Task One_notification_can_be_read_and_dismissed_and_all_cleared_but_not_someone_elses()
    {
        var (alice, followers) = await SceneAsync(2);
        var id = (await ListAsync(alice))[0].Text("id");

        (await followers[0].Client.GetAsync($"/api/v1/notifications/{id}")).AssertError(404, "Record not found");
        Assert.That((await alice.Client.GetAsync($"/api/v1/notifications/{id}")).EnsureSuccess().RequireJson().Text("id"), Is.EqualTo(id));
        (await alice.Client.PostFormAsync($"/api/v1/notifications/{id}/dismiss", [])).EnsureSuccess();
        (await alice.Client.GetAsync($"/api/v1/notifications/{id}")).AssertError(404, "Record not found");
        Assert.That(await ListAsync(alice), Has.Count.EqualTo(2));

        (await alice.Client.PostFormAsync("/api/v1/notifications/clear", [])).EnsureSuccess();
        Assert.That(await ListAsync(alice), Is.Empty);
    }

    [Test]
    public async Task V2_folds_follows_into_one_group_with_its_accounts_once()
    {
        var (alice, followers) = await SceneAsync(3);

        var grouped = (await alice.Client.GetAsync("/api/v2/notifications")).EnsureSuccess().RequireJson();

        var groups = grouped["notification_groups"]!.AsArray();
        Assert.That(groups.Select(g => g.Text("type")), Is.EqualTo(new[] { "mention", "follow" }));
        var follows = groups[1]!;
        Assert.That(follows["notifications_count"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(follows["sample_account_ids"]!.AsArray().Select(a => a!.GetValue<string>()),
            Is.EqualTo(followers.Reverse().Select(f => f.AccountId)));
        Assert.That(groups[0].Text("group_key"), Does.StartWith("ungrouped-"));
        Assert.That(grouped["accounts"]!.AsArray().Select(a => a.Text("id")), Is.EquivalentTo(followers.Select(f => f.AccountId)));
        Assert.That(grouped["statuses"]!.AsArray(), Has.Count.EqualTo(1));

        var key = follows.Text("group_key");
        var one = (await alice.Client.GetAsync($"/api/v2/notifications/{key}")).EnsureSuccess().RequireJson();
        Assert.That(one["notification_groups"]![0]!["notifications_count"]!.GetValue<int>(), Is.EqualTo(3));
        (await alice.Client.PostFormAsync($"/api/v2/notifications/{key}/dismiss", [])).EnsureSuccess();
        Assert.That((await ListAsync(alice)).Select(n => n.Text("type")), Is.EqualTo(new[] { "mention" }));
    }

    [Test]
    public async Task Unread_counts_start_after_the_notifications_marker()
    {
        var (alice, _) = await SceneAsync(3);
        var all = await ListAsync(alice);

        Assert.That(await UnreadAsync(alice, "v1"), Is.EqualTo(4));
        Assert.That(await UnreadAsync(alice, "v2"), Is.EqualTo(2));

        var marker = (await alice.Client.PostFormAsync("/api/v1/markers", [new("notifications[last_read_id]", all[2].Text("id"))]))
            .EnsureSuccess().RequireJson();
        Assert.That(marker["notifications"].Text("last_read_id"), Is.EqualTo(all[2].Text("id")));
        Assert.That(await UnreadAsync(alice, "v1"), Is.EqualTo(2));
        Assert.That(await UnreadAsync(alice, "v2"), Is.EqualTo(2));

        (await alice.Client.PostFormAsync("/api/v1/markers", [new("notifications[last_read_id]", all[0].Text("id"))])).EnsureSuccess();
        var markers = (await alice.Client.GetAsync("/api/v1/markers?timeline[]=notifications&timeline[]=home")).EnsureSuccess().RequireJson();
        Assert.That(await UnreadAsync(alice, "v1"), Is.EqualTo(0));
        Assert.That(markers["notifications"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(markers["home"], Is.Null);
    }

    [Test]
    public async Task The_policy_accepts_everything_and_there_are_no_requests()
    {
        var alice = await SignUpAsync();

        var policy = (await alice.Client.GetAsync("/api/v2/notifications/policy")).EnsureSuccess().RequireJson();
        var requests = (await alice.Client.GetAsync("/api/v1/notifications/requests")).EnsureSuccess().RequireJson();

        Assert.That(policy.Text("for_not_following"), Is.EqualTo("accept"));
        Assert.That(requests.AsArray(), Is.Empty);
    }

    private static async Task<int> UnreadAsync(TestUser user, string version) =>
        (await user.Client.GetAsync($"/api/{version}/notifications/unread_count")).EnsureSuccess().RequireJson()["count"]!.GetValue<int>();
}
