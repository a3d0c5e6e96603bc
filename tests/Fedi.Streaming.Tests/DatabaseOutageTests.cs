using System.Net;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Tokens cannot be checked while PostgreSQL is gone: new clients get 503 JSON, not a 500 stack, and the
/// clients already connected keep streaming (events come from Redis only). Own instance per test.</summary>
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

    [Test]
    public async Task Clients_connected_before_the_database_went_away_keep_receiving_events()
    {
        await using var cluster = await StreamingCluster.StartOwnInstanceAsync();
        var user = await new TestAccounts(cluster).CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(cluster.StreamingWebSocketUrl, user.Token, "user");
        await using var events = await EventSourceClient.ConnectAsync(cluster.StreamingUrl, "/api/v1/streaming/public", user.Token);
        using var redis = await StreamingCluster.RedisServer.ConnectAsync();
        var probe = new RedisProbe(redis, cluster.RedisNamespace);
        await probe.WaitForSubscribersAsync(RedisChannels.Public, 1);

        await StreamingCluster.Postgres.DropDatabaseAsync(cluster.Database.Name);
        var (home, shared) = (Statuses.NewId(), Statuses.NewId());
        await probe.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(home));
        await probe.PublishAsync(RedisChannels.Public, Statuses.Update(shared));

        var update = await socket.WaitForEventAsync("update", null, TimeSpan.FromSeconds(10));
        Assert.That(update.Payload!["id"]!.GetValue<string>(), Is.EqualTo(home));
        var (name, data) = await events.ReadEventAsync(TimeSpan.FromSeconds(10));
        Assert.That((name, JsonNode.Parse(data)!["id"]!.GetValue<string>()), Is.EqualTo(("update", shared)));
    }
}
