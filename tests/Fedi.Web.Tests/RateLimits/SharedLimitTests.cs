using Fedi.Testing;
using static Fedi.Web.Tests.RateLimits.RateLimitAssertions;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>Two web processes behind one proxy count a client's requests together, in Redis.</summary>
public sealed class SharedLimitTests
{
    private const int Limit = 4;
    private FediCluster? _cluster;
    private string _secondWebUrl = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await WebCluster.StartWebOnlyAsync(new() { ["RATE_LIMITS"] = "on", ["RATE_LIMIT_UNAUTHENTICATED_API"] = PerDay(Limit) });
        _secondWebUrl = await _cluster.StartWebAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Requests_spread_over_two_web_processes_spend_one_limit()
    {
        var address = ForwardedClient.NewAddress();
        ForwardedClient[] webs = [new(_cluster!.Api, address), new(new ApiClient(_secondWebUrl), address)];

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= Limit; i++) answers.Add(await webs[i % 2].GetAsync("/api/v1/instance"));

        for (var i = 0; i < Limit; i++) answers[i].AssertAllowed(Limit, remaining: Limit - 1 - i);
        answers[Limit].AssertThrottled(Limit);
    }
}
