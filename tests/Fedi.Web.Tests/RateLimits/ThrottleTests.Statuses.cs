namespace Fedi.Web.Tests.RateLimits;

public sealed partial class ThrottleTests
{
    [Test]
    public async Task An_account_posts_three_statuses_and_the_fourth_is_refused_even_from_a_safelisted_address()
    {
        var user = await Cluster.Users.SignUpAsync();
        (await user.Client.PostJsonAsync("/api/v1/statuses", new { status = "" })).AssertError(422, "Validation failed: Text can't be blank");

        var answers = new List<Testing.ApiResponse>();
        for (var i = 0; i <= StatusLimit; i++) answers.Add(await user.Client.PostJsonAsync("/api/v1/statuses", new { status = $"post {i}" }));

        // The refused empty status did not count: three are created, counting down from the limit.
        for (var i = 0; i < StatusLimit; i++) answers[i].AssertAllowed(StatusLimit, remaining: StatusLimit - 1 - i);
        answers[StatusLimit].AssertThrottled(StatusLimit);
    }

    [Test]
    public async Task A_third_delete_is_refused()
    {
        var user = await Cluster.Users.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i <= DeleteLimit; i++)
            ids.Add((await user.Client.PostJsonAsync("/api/v1/statuses", new { status = $"to delete {i}" })).EnsureSuccess().RequireJson().Text("id"));
        var client = NewClient().WithToken(user.Token);

        var answers = new List<Testing.ApiResponse>();
        foreach (var id in ids) answers.Add(await client.DeleteAsync($"/api/v1/statuses/{id}"));

        Assert.That(answers.Take(DeleteLimit).Select(a => a.Status), Is.All.EqualTo(200), string.Join("\n", answers));
        answers[DeleteLimit].AssertThrottled(DeleteLimit);
    }
}
