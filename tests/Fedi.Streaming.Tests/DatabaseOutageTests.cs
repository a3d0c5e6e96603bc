using System.Net;
using System.Text.Json.Nodes;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Tokens cannot be checked while PostgreSQL is gone: clients get 503 JSON, not a 500 stack. Own instance.</summary>
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task Without_its_database_the_streaming_tier_answers_503_and_keeps_serving_health()
    {
        await using var cluster = await StreamingCluster.StartOwnInstanceAsync();
        var user = await new TestAccounts(cluster).CreateAsync();
        await StreamingCluster.Postgres.DropDatabaseAsync(cluster.Database.Name);

        var upgrade = await UpgradeAttempt.SendAsync(cluster.StreamingUrl, $"/api/v1/streaming?stream=user&access_token={user.Token}");
        await using var events = await EventSourceClient.ConnectAsync(cluster.StreamingUrl, "/api/v1/streaming/user", user.Token);

        Assert.That(upgrade.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(JsonNode.Parse(upgrade.Body)!["error"]!.GetValue<string>(), Is.EqualTo("Service temporarily unavailable"));
        Assert.That(events.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await events.ReadBodyAsync(), Does.StartWith("{\"error\":"));
        using var http = new HttpClient();
        Assert.That(await http.GetStringAsync($"{cluster.StreamingUrl}/api/v1/streaming/health"), Is.EqualTo("OK"));
    }
}
