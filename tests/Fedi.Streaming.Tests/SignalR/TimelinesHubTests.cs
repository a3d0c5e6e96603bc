using System.Net;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fedi.Streaming.Tests.SignalR;

/// <summary>The SignalR hub at /hubs/timelines, as a browser using @microsoft/signalr sees it.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class TimelinesHubTests : StreamingTest
{
    [Test]
    public async Task A_hub_client_subscribed_to_public_receives_an_update_published_on_redis()
    {
        var user = await Accounts.CreateAsync();
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "public");
        var id = Statuses.NewId();

        await Redis.PublishWhenListenedAsync(RedisChannels.Public, Statuses.Update(id));

        var received = await NextWithIdAsync(client, id);
        Assert.That(received.Stream, Is.EqualTo(new[] { "public" }));
        Assert.That(received.Event, Is.EqualTo("update"));
        Assert.That(JsonNode.Parse(received.Payload)!["content"]!.GetValue<string>(), Is.EqualTo("<p>Hello</p>"), "the entity JSON as a string, as on the WebSocket");
    }

    [Test]
    public async Task The_user_stream_carries_the_users_timeline_and_not_anyone_elses()
    {
        var user = await Accounts.CreateAsync();
        var other = await Accounts.CreateAsync();
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        var theirs = Statuses.NewId();
        var mine = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(other.AccountId), Statuses.Update(theirs));
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(mine));

        var received = await client.NextAsync(Deadline);
        Assert.That(received.Stream, Is.EqualTo(new[] { "user" }));
        Assert.That(JsonNode.Parse(received.Payload)!["id"]!.GetValue<string>(), Is.EqualTo(mine), "the other user's status never arrives first");
    }

    [TestCase(true, null, TestName = "A client that skips negotiation connects with the token in the url")]
    [TestCase(false, HttpTransportType.ServerSentEvents, TestName = "A client without WebSockets falls back to server-sent events")]
    public async Task Other_connection_modes_receive_the_same_events(bool skipNegotiation, HttpTransportType? transport)
    {
        var user = await Accounts.CreateAsync();
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, skipNegotiation, transport, "user");
        var id = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        Assert.That(JsonNode.Parse((await client.NextAsync(Deadline)).Payload)!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task Unsubscribing_stops_the_events_of_that_stream()
    {
        var user = await Accounts.CreateAsync();
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user", "user:notification");
        var missed = Statuses.NewId();
        var marker = Statuses.NewId();
        var afterResubscribing = Statuses.NewId();

        await client.Connection.InvokeAsync("Unsubscribe", "user", null, null);
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(missed));
        // Published after it: once the marker is here, the process has dealt with the first update (whether it
        // receives the user's channels one by one or through one pattern, their messages come in publish order).
        await Redis.PublishAsync(RedisChannels.Notifications(user.AccountId), StreamMessage.Encode("notification", $$"""{"id":"{{marker}}"}"""));
        Assert.That(JsonNode.Parse((await client.NextAsync(Deadline)).Payload)!["id"]!.GetValue<string>(), Is.EqualTo(marker));
        await client.Connection.InvokeAsync("Subscribe", "user", null, null);
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(afterResubscribing));

        var received = await client.NextAsync(Deadline);
        Assert.That(JsonNode.Parse(received.Payload)!["id"]!.GetValue<string>(), Is.EqualTo(afterResubscribing), "the update published while unsubscribed never arrives");
    }

    [Test]
    public async Task A_bad_token_is_refused_with_401_before_connecting()
    {
        var user = await Accounts.CreateAsync();
        await Accounts.RevokeAsync(user);

        var error = Assert.ThrowsAsync<HttpRequestException>(() => HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user"));
        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.AccessToken(user.TokenId)), Is.Zero, "nothing was subscribed for it");

        var unknown = Assert.ThrowsAsync<HttpRequestException>(() => HubClient.ConnectAsync(Cluster.StreamingUrl, "not-a-token", "user"));
        Assert.That(unknown!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_stream_or_missing_scope_is_refused_with_mastodons_message()
    {
        var user = await Accounts.CreateAsync();
        var notificationsOnly = await Accounts.CreateAsync(scopes: "read:notifications");
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token);
        await using var limited = await HubClient.ConnectAsync(Cluster.StreamingUrl, notificationsOnly.Token);

        var unknown = Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", "nonsense", null, null));
        Assert.That(unknown!.Message, Does.Contain("Unknown stream type"));
        var scope = Assert.ThrowsAsync<HubException>(() => limited.Connection.InvokeAsync("Subscribe", "user", null, null));
        Assert.That(scope!.Message, Does.Contain("Access token does not have the required scopes"));
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.Timeline(notificationsOnly.AccountId)), Is.Zero, "nothing was subscribed");
        Assert.That(limited.Connection.State, Is.EqualTo(HubConnectionState.Connected), "a refused subscribe leaves the connection up");
    }

    [Test]
    public async Task Kill_on_the_token_channel_disconnects_the_hub_client()
    {
        var user = await Accounts.CreateAsync();
        await using var client = await HubClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");

        Assert.That(await Redis.PublishAsync(RedisChannels.AccessToken(user.TokenId), StreamMessage.EncodeKill()), Is.EqualTo(1));

        await client.Closed.WaitAsync(Deadline);
        Assert.That(client.Connection.State, Is.EqualTo(HubConnectionState.Disconnected));
        await Redis.WaitForSubscribersAsync(RedisChannels.Timeline(user.AccountId), 0, atMost: true);
    }

    private static async Task<HubEvent> NextWithIdAsync(HubClient client, string id)
    {
        while (true)
        {
            var received = await client.NextAsync(Deadline);
            if (received.Payload.Contains(id, StringComparison.Ordinal)) return received;
        }
    }
}
