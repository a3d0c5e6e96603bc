using System.Net;
using System.Net.WebSockets;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.SignalR;
using Fedi.Streaming.Tests.Support;
using Fedi.Testing;

namespace Fedi.Streaming.Tests.Scale;

/// <summary>
/// Horizontal scale as deployed: two streaming processes behind nginx running deploy/nginx/fedi.conf.
/// Clients reach them only through nginx (TLS); each process subscribes to Redis once, and every client,
/// wherever least_conn put it, receives every event once, in order.
/// </summary>
public sealed class NginxScaleTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private BehindNginx _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await BehindNginx.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test, Order(1)]
    public async Task Websocket_clients_are_spread_over_both_processes_and_each_receives_every_event_once_in_order()
    {
        var clients = new List<WebSocketClient>();
        try
        {
            var user = await _site.Accounts.CreateAsync();
            for (var i = 0; i < 6; i++)
                clients.Add(await _site.ConnectAsync(user with { Token = (await _site.Accounts.CreateTokenAsync(user)).Secret }, "public"));
            await Eventually.TrueAsync(async () => (await _site.WebSocketClientsAsync()).Sum() == clients.Count, "both processes count the clients");
            Assert.That(await _site.WebSocketClientsAsync(), Has.All.GreaterThan(0), "least_conn puts clients on both processes");
            await _site.Redis.WaitForSubscribersAsync(RedisChannels.Public, 2);
            var ids = Enumerable.Range(0, 5).Select(_ => Statuses.NewId()).ToList();

            foreach (var id in ids)
                Assert.That(await _site.Redis.PublishAsync(RedisChannels.Public, Statuses.Update(id)), Is.EqualTo(2), "one Redis subscription per process");

            foreach (var client in clients)
                Assert.That(await UpdateIdsAsync(client, ids.Count), Is.EqualTo(ids), "every event, in order, once");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Test, Order(2)]
    public async Task A_users_sockets_on_both_processes_all_receive_their_home_updates()
    {
        var user = await _site.Accounts.CreateAsync();
        await using var first = await _site.ConnectAsync(user, "user");
        await using var second = await _site.ConnectAsync(user, "user");
        // Per-user channels reach a process through its one pattern subscription, so ask each process instead of Redis.
        await Eventually.TrueAsync(async () => (await _site.WebSocketClientsAsync()).Sum() == 2, "both processes count the sockets");
        Assert.That(await _site.WebSocketClientsAsync(), Is.EqualTo(new[] { 1.0, 1.0 }), "least_conn put the two sockets on different processes");
        await _site.Redis.WaitUntilListenedAsync(RedisChannels.Timeline(user.AccountId));
        var id = Statuses.NewId();

        await _site.Redis.PublishAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        Assert.That(await UpdateIdsAsync(first, 1), Is.EqualTo(new[] { id }));
        Assert.That(await UpdateIdsAsync(second, 1), Is.EqualTo(new[] { id }));
    }

    [Order(3)]
    [TestCase("1.1")]
    [TestCase("2.0")]
    public async Task An_event_stream_gets_each_event_as_it_happens(string httpVersion)
    {
        var user = await _site.Accounts.CreateAsync();
        using var http = _site.Nginx.CreateClient();
        http.DefaultRequestVersion = Version.Parse(httpVersion);
        http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await using var events = await EventSourceClient.ConnectAsync(_site.Nginx.HttpsUrl, "/api/v1/streaming/user", user.Token, http);
        Assert.That(events.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(events.Version, Is.EqualTo(Version.Parse(httpVersion)));
        // Unbuffered (proxy_buffering off): the greeting comes through on its own, not once a buffer fills.
        Assert.That(await events.ReadLineAsync(Deadline), Is.EqualTo(":)"));
        var id = Statuses.NewId();

        await _site.Redis.PublishWhenListenedAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        var (name, data) = await events.ReadEventAsync(Deadline);
        Assert.That(name, Is.EqualTo("update"));
        Assert.That(data, Does.Contain($"\"id\":\"{id}\""));
    }

    [Test, Order(4)]
    public async Task The_signalr_hub_negotiates_and_streams_through_the_hashed_upstream()
    {
        var user = await _site.Accounts.CreateAsync();
        await using var hub = await HubClient.ConnectAsync(_site.Nginx.HttpsUrl, user.Token, _site.TrustCertificate, "user");
        var id = Statuses.NewId();

        await _site.Redis.PublishWhenListenedAsync(RedisChannels.Timeline(user.AccountId), Statuses.Update(id));

        var received = await hub.NextAsync(Deadline);
        Assert.That(received.Event, Is.EqualTo("update"));
        Assert.That(received.Payload, Does.Contain($"\"id\":\"{id}\""));
    }

    [Test, Order(5)]
    public async Task Everything_else_goes_to_web_over_tls_and_plain_http_redirects_to_https()
    {
        using var https = _site.Nginx.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/instance");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var instance = await https.SendAsync(request);
        Assert.That(instance.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(instance.Content.Headers.ContentEncoding, Does.Contain("gzip"));
        Assert.That(instance.Headers.GetValues("Strict-Transport-Security").Single(), Does.StartWith("max-age="));
        using var metrics = await https.GetAsync("/metrics");
        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nginx never exposes /metrics");

        using var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await plain.GetAsync($"{_site.Nginx.HttpUrl}/@alice?x=1");
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(redirect.Headers.Location, Is.EqualTo(new Uri("https://127.0.0.1/@alice?x=1")));
    }

    // Last: it stops one of the two processes.
    [Test, Order(6)]
    public async Task Stopping_a_process_closes_its_sockets_with_1001_and_a_reconnect_lands_on_the_other()
    {
        await Eventually.TrueAsync(async () => (await _site.WebSocketClientsAsync()).Sum() == 0, "the earlier tests' sockets are gone");
        var users = new[] { await _site.Accounts.CreateAsync(), await _site.Accounts.CreateAsync() };
        var clients = new List<WebSocketClient>();
        try
        {
            foreach (var user in users) clients.Add(await _site.ConnectAsync(user, "user"));
            await Eventually.TrueAsync(async () => (await _site.WebSocketClientsAsync()).SequenceEqual([1.0, 1.0]), "one socket on each process");

            var stopping = _site.Streaming[0].StopAsync(TimeSpan.FromSeconds(30));

            await Eventually.TrueAsync(() => Task.FromResult(clients.Any(c => c.State != WebSocketState.Open)), "the stopped process's socket closes");
            var closed = clients.Single(c => c.State != WebSocketState.Open);
            Assert.That(closed.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
            var index = clients.IndexOf(closed);
            await closed.DisposeAsync(); // answers the close frame, as a client does, so the process need not wait for it
            Assert.That(await stopping, Is.Zero);
            clients[index] = await _site.ConnectAsync(users[index], "user");
            await Eventually.TrueAsync(async () => await _site.WebSocketClientsAsync(1) == 2, "the reconnect is on the other process");

            for (var i = 0; i < users.Length; i++)
            {
                var id = Statuses.NewId();
                await _site.Redis.PublishWhenListenedAsync(RedisChannels.Timeline(users[i].AccountId), Statuses.Update(id));
                Assert.That(await UpdateIdsAsync(clients[i], 1), Is.EqualTo(new[] { id }));
            }
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    private static async Task<List<string>> UpdateIdsAsync(WebSocketClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add((await client.WaitForEventAsync("update", null, Deadline)).Payload!["id"]!.GetValue<string>());
        return ids;
    }
}
