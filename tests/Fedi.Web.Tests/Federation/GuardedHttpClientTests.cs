using System.Net;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.Fetching;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>The one client for remote requests refuses internal destinations and plain http unless allowed.</summary>
public sealed class GuardedHttpClientTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    private static GuardedHttpClient Client(string allowed, bool allowHttp)
    {
        var env = new EnvironmentSettings(new Dictionary<string, string> { ["ALLOWED_PRIVATE_ADDRESSES"] = allowed, ["FEDERATION_ALLOW_HTTP"] = allowHttp ? "true" : "false" });
        var options = FederationOptions.From(env);
        var instance = InstanceOptions.From(new EnvironmentSettings(new Dictionary<string, string> { ["LOCAL_DOMAIN"] = "fedi.example" }));
        return new GuardedHttpClient(options, new RemoteAddressPolicy(options), instance);
    }

    private static Task<RemoteResponse> GetAsync(GuardedHttpClient client, string url) =>
        client.SendAsync(new Uri(url), u => new HttpRequestMessage(HttpMethod.Get, u));

    [Test]
    public void Loopback_is_refused_by_default_even_over_allowed_http()
    {
        using var client = Client("none", allowHttp: true);
        Assert.That(() => GetAsync(client, $"{Cluster.WebUrl}/.well-known/nodeinfo"),
            Throws.TypeOf<RemoteRequestException>().With.Message.Contains("may not reach"));
    }

    [Test]
    public void A_name_resolving_to_loopback_is_refused_after_resolution()
    {
        using var client = Client("none", allowHttp: true);
        var port = new Uri(Cluster.WebUrl).Port;
        Assert.That(() => GetAsync(client, $"http://localhost:{port}/.well-known/nodeinfo"), Throws.TypeOf<RemoteRequestException>());
    }

    [Test]
    public void Plain_http_is_refused_unless_allowed()
    {
        using var client = Client("127.0.0.0/8", allowHttp: false);
        Assert.That(() => GetAsync(client, $"{Cluster.WebUrl}/.well-known/nodeinfo"),
            Throws.TypeOf<RemoteRequestException>().With.Message.Contains("http is not allowed"));
    }

    [Test]
    public async Task Loopback_is_reached_when_ALLOWED_PRIVATE_ADDRESSES_names_it()
    {
        using var client = Client("127.0.0.0/8, ::1", allowHttp: true);
        var response = await GetAsync(client, $"{Cluster.WebUrl}/.well-known/nodeinfo");
        Assert.That(response.Status, Is.EqualTo((int)HttpStatusCode.OK));
        Assert.That(System.Text.Encoding.UTF8.GetString(response.Body), Does.Contain("nodeinfo/2.0"));
    }
}
