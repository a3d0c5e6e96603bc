using Fedi.Testing;

namespace Fedi.Web.Tests.RateLimits;

public sealed partial class ThrottleTests
{
    [Test]
    public async Task Anonymous_requests_count_down_per_address_until_the_address_is_refused()
    {
        var client = NewClient();

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= AnonymousLimit; i++) answers.Add(await client.GetAsync("/api/v1/instance"));

        for (var i = 0; i < AnonymousLimit; i++) answers[i].AssertAllowed(AnonymousLimit, remaining: AnonymousLimit - 1 - i);
        answers[AnonymousLimit].AssertThrottled(AnonymousLimit);
    }

    [Test]
    public async Task Another_forwarded_address_is_not_refused_when_one_is()
    {
        var refused = NewClient();
        await RepeatAsync(AnonymousLimit, () => refused.GetAsync("/api/v1/instance"));
        (await refused.GetAsync("/api/v1/instance")).AssertThrottled(AnonymousLimit);

        var other = await NewClient().GetAsync("/api/v1/instance");

        other.AssertAllowed(AnonymousLimit, remaining: AnonymousLimit - 1);
    }

    [Test]
    public async Task Writing_127_0_0_1_into_X_Forwarded_For_does_not_make_a_client_safelisted()
    {
        // nginx appends the client's real address, so the client's own entry is never the one believed.
        var client = new ForwardedClient(Cluster.Api, $"127.0.0.1, {ForwardedClient.NewAddress()}");

        var last = await RepeatAsync(AnonymousLimit + 1, () => client.GetAsync("/api/v1/instance"));

        last.AssertThrottled(AnonymousLimit);
    }

    [Test]
    public async Task Requests_from_loopback_itself_are_safelisted()
    {
        var last = await RepeatAsync(AnonymousLimit * 3, () => Cluster.Api.GetAsync("/api/v1/instance"));

        Assert.Multiple(() =>
        {
            Assert.That(last.Status, Is.EqualTo(200), last.ToString());
            Assert.That(last.Header("X-RateLimit-Limit"), Is.Null);
        });
    }

    [Test]
    public async Task A_token_is_refused_once_its_own_limit_is_spent_while_another_token_of_the_user_is_not()
    {
        var (user, secondToken) = await UserWithTwoTokensAsync();
        var client = NewClient();

        var last = await RepeatAsync(TokenLimit + 1, () => client.WithToken(user.Token).GetAsync("/api/v1/accounts/verify_credentials"));
        var other = await client.WithToken(secondToken).GetAsync("/api/v1/accounts/verify_credentials");

        last.AssertThrottled(TokenLimit);
        Assert.That(other.Status, Is.EqualTo(200), other.ToString());
    }

    [Test]
    public async Task A_user_is_refused_once_all_their_tokens_together_spend_the_user_limit()
    {
        var (user, secondToken) = await UserWithTwoTokensAsync();
        var client = NewClient();
        await RepeatAsync(TokenLimit, () => client.WithToken(user.Token).GetAsync("/api/v1/accounts/verify_credentials"));

        var last = await RepeatAsync(UserLimit - TokenLimit + 1, () => client.WithToken(secondToken).GetAsync("/api/v1/accounts/verify_credentials"));

        last.AssertThrottled(UserLimit);
    }

    [Test]
    public async Task Anonymous_paging_is_refused_before_the_api_limit_is_reached()
    {
        var client = NewClient();

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= PagingLimit; i++) answers.Add(await client.GetAsync("/api/v1/timelines/public?max_id=99999999999999999"));

        answers[PagingLimit - 1].AssertAllowed(PagingLimit, remaining: 0);
        answers[PagingLimit].AssertThrottled(PagingLimit);
    }
}
