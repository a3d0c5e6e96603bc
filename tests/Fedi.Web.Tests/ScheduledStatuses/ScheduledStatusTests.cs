using System.Globalization;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.ScheduledStatuses;

public sealed class ScheduledStatusTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static string In(TimeSpan offset) => DateTime.UtcNow.Add(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static Task<ApiResponse> ScheduleAsync(TestUser author, string text, string at) =>
        author.Client.PostFormAsync("/api/v1/statuses", [new("status", text), new("scheduled_at", at), new("visibility", "unlisted")]);

    [Test]
    public async Task A_post_with_scheduled_at_answers_a_scheduled_status_and_publishes_nothing_yet()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var at = In(TimeSpan.FromHours(2));

        var scheduled = Json(await ScheduleAsync(alice, "later", at));

        Assert.That(scheduled.Text("id"), Is.Not.Empty);
        Assert.That(DateTime.Parse(scheduled.Text("scheduled_at"), CultureInfo.InvariantCulture).ToUniversalTime(),
            Is.EqualTo(DateTime.Parse(at, CultureInfo.InvariantCulture).ToUniversalTime()).Within(TimeSpan.FromSeconds(1)));
        Assert.That(scheduled["params"].Text("text"), Is.EqualTo("later"));
        Assert.That(scheduled["params"].Text("visibility"), Is.EqualTo("unlisted"));
        Assert.That(scheduled["media_attachments"]!.AsArray(), Is.Empty);
        Assert.That(await CountStatusRowsAsync(Cluster, alice.AccountId), Is.Zero);
    }

    [Test]
    public async Task A_schedule_less_than_five_minutes_ahead_is_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var response = await ScheduleAsync(alice, "too soon", In(TimeSpan.FromMinutes(4)));

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(Error(response), Is.EqualTo("Validation failed: Scheduled at must be at least 5 minutes from now"));
    }

    [Test]
    public async Task Scheduled_statuses_are_listed_shown_moved_and_deleted_by_their_owner_only()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var bob = await Cluster.Users.SignUpAsync();
        var first = Json(await ScheduleAsync(alice, "first", In(TimeSpan.FromHours(1)))).Text("id");
        var second = Json(await ScheduleAsync(alice, "second", In(TimeSpan.FromHours(2)))).Text("id");

        var listed = await alice.Client.GetAsync("/api/v1/scheduled_statuses?limit=1");
        Assert.That(Ids(listed), Is.EqualTo(new[] { second }));
        Assert.That(listed.Headers.TryGetValues("Link", out var link) ? string.Join(",", link) : "", Does.Contain($"max_id={second}"));
        Assert.That(Json(await alice.Client.GetAsync($"/api/v1/scheduled_statuses/{first}"))["params"].Text("text"), Is.EqualTo("first"));

        var movedTo = In(TimeSpan.FromDays(1));
        var moved = Json(await alice.Client.PutAsync($"/api/v1/scheduled_statuses/{first}", new { scheduled_at = movedTo }));
        Assert.That(DateTime.Parse(moved.Text("scheduled_at"), CultureInfo.InvariantCulture).ToUniversalTime().Date,
            Is.EqualTo(DateTime.UtcNow.AddDays(1).Date));
        Assert.That((await alice.Client.PutAsync($"/api/v1/scheduled_statuses/{first}", new { scheduled_at = In(TimeSpan.FromMinutes(1)) })).Status,
            Is.EqualTo(422));

        Assert.That((await bob.Client.GetAsync($"/api/v1/scheduled_statuses/{first}")).Status, Is.EqualTo(404));
        Assert.That((await bob.Client.DeleteAsync($"/api/v1/scheduled_statuses/{first}")).Status, Is.EqualTo(404));
        Assert.That(Ids(await bob.Client.GetAsync("/api/v1/scheduled_statuses")), Is.Empty);

        Json(await alice.Client.DeleteAsync($"/api/v1/scheduled_statuses/{first}"));
        Assert.That((await alice.Client.GetAsync($"/api/v1/scheduled_statuses/{first}")).Status, Is.EqualTo(404));
        Assert.That(Ids(await alice.Client.GetAsync("/api/v1/scheduled_statuses")), Is.EqualTo(new[] { second }));
    }

    [Test]
    public async Task No_more_than_twenty_five_posts_are_scheduled_for_one_day()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var day = DateTime.UtcNow.Date.AddDays(3);
        for (var i = 0; i < 25; i++)
            Json(await ScheduleAsync(alice, $"post {i}", day.AddMinutes(i).ToString("o", CultureInfo.InvariantCulture)));

        var over = await ScheduleAsync(alice, "one too many", day.AddHours(5).ToString("o", CultureInfo.InvariantCulture));
        var nextDay = await ScheduleAsync(alice, "next day", day.AddDays(1).ToString("o", CultureInfo.InvariantCulture));

        Assert.That(over.Status, Is.EqualTo(422));
        Assert.That(Error(over), Is.EqualTo("Validation failed: You have exceeded the limit of 25 scheduled posts for that day"));
        Assert.That(nextDay.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_schedule_in_the_past_publishes_at_once_and_bad_times_are_refused()
    {
        var alice = await Cluster.Users.SignUpAsync();

        var now = Json(await ScheduleAsync(alice, "right now", In(TimeSpan.FromMinutes(-1))));
        var garbage = await ScheduleAsync(alice, "when?", "tomorrowish");

        Assert.That(now.Text("content"), Does.Contain("right now"));
        Assert.That(garbage.Status, Is.EqualTo(422));
        Assert.That((await Cluster.Api.GetAsync("/api/v1/scheduled_statuses")).Status, Is.EqualTo(401));
    }
}
