using Fedi.Testing;
using static Fedi.Web.Tests.RateLimits.RateLimitAssertions;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>Two web processes behind one proxy count a client's requests together, in Redis.</summary>
public sealed class SharedLimitTests : RateLimitedInstance
{
    private const int Limit = 4;
    private string _secondWebUrl = "";

    protected override Dictionary<string, string> Settings => new() { ["RATE_LIMIT_UNAUTHENTICATED_API"] = PerDay(Limit) };

    [OneTimeSetUp]
    public async Task StartSecondWebAsync() => _secondWebUrl = await Cluster.StartWebAsync();

    [Test]
    public async Task Requests_spread_over_two_web_processes_spend_one_limit()
    {
        var address = ForwardedClient.NewAddress();
        ForwardedClient[] webs = [new(Cluster.Api, address), new(new ApiClient(_secondWebUrl), address)];

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= Limit; i++) answers.Add(await webs[i % 2].GetAsync("/api/v1/instance"));

        for (var i = 0; i < Limit; i++) answers[i].AssertAllowed(Limit, remaining: Limit - 1 - i);
        answers[Limit].AssertThrottled(Limit);
    }
}
