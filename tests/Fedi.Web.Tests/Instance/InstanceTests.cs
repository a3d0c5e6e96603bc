using System.Text.RegularExpressions;
using Fedi.Testing;

namespace Fedi.Web.Tests.Instance;

public sealed class InstanceTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [TestCase("/api/v1/instance")]
    [TestCase("/api/v1/instance/")]
    [TestCase("/api/v2/instance")]
    public async Task The_version_starts_with_a_mastodon_version_clients_can_parse(string path)
    {
        var response = await Cluster.Api.GetAsync(path);

        var version = response.EnsureSuccess().RequireJson()["version"]!.GetValue<string>();
        Assert.That(Regex.IsMatch(version, @"^\d+\.\d+\.\d+ \(compatible; Fedi \d+\.\d+\.\d+\)$"), Is.True, version);
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Clients_learn_where_to_stream_and_the_status_limits()
    {
        var v2 = (await Cluster.Api.GetAsync("/api/v2/instance")).EnsureSuccess().RequireJson();
        var v1 = (await Cluster.Api.GetAsync("/api/v1/instance")).EnsureSuccess().RequireJson();

        Assert.That(v2["configuration"]!["urls"]!["streaming"]!.GetValue<string>(), Is.EqualTo(Cluster.Environment["STREAMING_API_BASE_URL"]));
        Assert.That(v1["urls"]!["streaming_api"]!.GetValue<string>(), Is.EqualTo(Cluster.Environment["STREAMING_API_BASE_URL"]));
        Assert.That(v2["configuration"]!["statuses"]!["max_characters"]!.GetValue<int>(), Is.EqualTo(500));
        Assert.That(v2["domain"]!.GetValue<string>(), Is.EqualTo(Cluster.Environment["LOCAL_DOMAIN"]));
    }

    [Test]
    public async Task Unknown_api_paths_answer_in_mastodons_error_shape()
    {
        var response = await Cluster.Api.GetAsync("/api/v1/no_such_thing");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.RequireJson()["error"]!.GetValue<string>(), Is.Not.Empty);
    }
}
