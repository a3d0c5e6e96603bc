using Fedi.Testing;
using static Fedi.Web.Tests.RateLimits.RateLimitAssertions;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>An instance that trusts another proxy than loopback and safelists no one: the tests' loopback socket is an ordinary client.</summary>
public sealed class UntrustedProxyTests : RateLimitedInstance
{
    private const int Limit = 3;
    protected override Dictionary<string, string> Settings => new()
    {
        ["RATE_LIMIT_UNAUTHENTICATED_API"] = PerDay(Limit),
        ["TRUSTED_PROXY_IP"] = "192.0.2.1",
        ["RATE_LIMIT_SAFELIST"] = "none",
    };

    [Test]
    public async Task X_Forwarded_For_from_an_untrusted_address_is_ignored_so_changing_it_does_not_escape_the_limit()
    {
        var api = Cluster.Api;

        var answers = new List<ApiResponse>();
        for (var i = 0; i <= Limit; i++) answers.Add(await new ForwardedClient(api, ForwardedClient.NewAddress()).GetAsync("/api/v1/instance"));

        answers[Limit - 1].AssertAllowed(Limit, remaining: 0);
        answers[Limit].AssertThrottled(Limit);
    }
}
