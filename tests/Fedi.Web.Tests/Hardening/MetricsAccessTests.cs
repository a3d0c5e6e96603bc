using System.Net;
using Fedi.Testing;

namespace Fedi.Web.Tests.Hardening;

/// <summary>/metrics answers the operator's scraper on the host, not the internet.</summary>
public sealed class MetricsAccessTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_direct_request_from_loopback_reads_the_metrics()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{Cluster.WebUrl}/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("# TYPE"));
    }

    [Test]
    public async Task A_request_relayed_by_a_proxy_is_refused_even_from_loopback()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Cluster.WebUrl}/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("# TYPE"));
    }

    [Test]
    public async Task No_address_reads_the_metrics_when_none_is_allowed()
    {
        await using var cluster = await WebCluster.StartWebOnlyAsync(new Dictionary<string, string> { ["METRICS_ALLOWED_IPS"] = "none" });
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{cluster.WebUrl}/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
