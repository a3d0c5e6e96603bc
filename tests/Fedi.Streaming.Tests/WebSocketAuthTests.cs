using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests;

/// <summary>Who may open a socket, and how the token may be sent.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class WebSocketAuthTests : StreamingTest
{
    [Test]
    public async Task The_token_may_come_in_the_access_token_query_parameter()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user");
        await AssertReceivesOwnTimelineAsync(socket, user);
    }

    [Test]
    public async Task The_token_may_come_in_the_authorization_header()
    {
        var user = await Accounts.CreateAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {user.Token}");
        await socket.ConnectAsync(new Uri($"{Cluster.StreamingWebSocketUrl}/api/v1/streaming?stream=user"), CancellationToken.None);
        var id = Statuses.NewId();

        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, new CancellationTokenSource(Deadline).Token);
        var frame = new StreamingEvent(JsonNode.Parse(buffer.AsSpan(0, received.Count))!);
        Assert.That(frame.Payload!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task The_token_may_come_as_the_websocket_subprotocol_which_is_echoed_back()
    {
        var user = await Accounts.CreateAsync();
        await using var socket = await WebSocketClient.ConnectAsync(Cluster.StreamingUrl, user.Token, "user", tokenInProtocolHeader: true);
        Assert.That(socket.SubProtocol, Is.EqualTo(user.Token));
        await AssertReceivesOwnTimelineAsync(socket, user);
    }

    [Test]
    public async Task The_upgrade_response_carries_a_request_id()
    {
        var user = await Accounts.CreateAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"{Cluster.StreamingWebSocketUrl}/api/v1/streaming?access_token={user.Token}"), CancellationToken.None);
        Assert.That(socket.HttpResponseHeaders?["X-Request-Id"].FirstOrDefault(), Is.Not.Null.And.Not.Empty);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    [Test]
    public async Task Without_a_token_the_upgrade_is_refused_with_401_missing_access_token()
    {
        var answer = await UpgradeAttempt.SendAsync(Cluster.StreamingUrl, "/api/v1/streaming?stream=public");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonNode.Parse(answer.Body)!.ToJsonString(), Is.EqualTo("""{"error":"Missing access token"}"""));
    }

    [Test]
    public async Task An_unknown_token_is_refused_with_401_invalid_access_token()
    {
        var answer = await UpgradeAttempt.SendAsync(Cluster.StreamingUrl, "/api/v1/streaming?stream=public&access_token=nope");
        AssertInvalidToken(answer);
    }

    [Test]
    public async Task A_revoked_token_is_refused_and_subscribes_nothing()
    {
        var user = await Accounts.CreateAsync();
        await Accounts.RevokeAsync(user);

        var answer = await UpgradeAttempt.SendAsync(Cluster.StreamingUrl, $"/api/v1/streaming?stream=user&access_token={user.Token}");

        AssertInvalidToken(answer);
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.Timeline(user.AccountId)), Is.Zero);
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.AccessToken(user.TokenId)), Is.Zero);
    }

    [Test]
    public async Task An_app_token_without_a_user_is_refused()
    {
        var appToken = await Accounts.CreateAppTokenAsync();
        var answer = await UpgradeAttempt.SendAsync(Cluster.StreamingUrl, "/api/v1/streaming?stream=public",
            headers => headers.Authorization = new("Bearer", appToken));
        AssertInvalidToken(answer);
    }

    [TestCase("UPDATE users SET disabled = true WHERE id = @UserId", TestName = "A_disabled_users_token_is_refused")]
    [TestCase("UPDATE users SET confirmed_at = NULL WHERE id = @UserId", TestName = "An_unconfirmed_users_token_is_refused")]
    [TestCase("UPDATE accounts SET suspended_at = now() WHERE id = @AccountId", TestName = "A_suspended_accounts_token_is_refused")]
    public async Task Tokens_of_users_who_may_not_sign_in_are_refused(string change)
    {
        var user = await Accounts.CreateAsync();
        await Accounts.ExecuteAsync(change, new { user.UserId, user.AccountId });

        var answer = await UpgradeAttempt.SendAsync(Cluster.StreamingUrl, $"/api/v1/streaming?stream=user&access_token={user.Token}");

        AssertInvalidToken(answer);
        Assert.That(await Redis.SubscriberCountAsync(RedisChannels.Timeline(user.AccountId)), Is.Zero);
    }

    private static void AssertInvalidToken(UpgradeAttempt.Answer answer)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonNode.Parse(answer.Body)!.ToJsonString(), Is.EqualTo("""{"error":"Invalid access token"}"""));
    }

    private static async Task AssertReceivesOwnTimelineAsync(WebSocketClient socket, StreamingUser user)
    {
        var id = Statuses.NewId();
        await Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));
        var frame = await socket.WaitForEventAsync("update", e => e.Payload?["id"]?.GetValue<string>() == id, Deadline);
        Assert.That(frame.Stream, Is.EqualTo(new[] { "user" }));
    }
}
