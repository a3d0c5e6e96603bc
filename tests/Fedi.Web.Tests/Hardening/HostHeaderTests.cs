using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Hardening;

/// <summary>Absolute URLs come from WEB_DOMAIN, whatever Host or X-Forwarded-Host a client sends.</summary>
public sealed class HostHeaderTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [TestCase("Host")]
    [TestCase("X-Forwarded-Host")]
    public async Task Link_headers_point_at_the_web_domain_whatever_host_the_client_names(string header)
    {
        var alice = await Cluster.Users.SignUpAsync();
        await PostAsync(alice, "one");
        await PostAsync(alice, "two");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Cluster.WebUrl}/api/v1/accounts/{alice.AccountId}/statuses?limit=1");
        if (header == "Host") request.Headers.Host = "evil.example";
        else request.Headers.Add(header, "evil.example");

        var response = await Cluster.Api.SendAsync(request);

        var link = response.Header("Link");
        Assert.That(link, Is.Not.Null);
        Assert.That(link, Does.Not.Contain("evil.example"));
        Assert.That(link, Does.Contain($"://localhost:{new Uri(Cluster.WebUrl).Port}/api/v1/accounts/{alice.AccountId}/statuses?"));
    }
}
