using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Scale;
using Fedi.Streaming.Tests.Support;

namespace Fedi.Streaming.Tests.SignalR;

/// <summary>Hub clients connected to two different streaming instances each get every event.</summary>
public sealed class TwoInstanceHubTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private TwoStreamingInstances _instances = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _instances = await TwoStreamingInstances.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _instances.DisposeAsync();

    [Test]
    public async Task A_hub_client_on_each_instance_receives_every_public_and_user_event()
    {
        var alice = await _instances.Accounts.CreateAsync();
        var bob = await _instances.Accounts.CreateAsync();
        await using var onFirst = await HubClient.ConnectAsync(_instances.Urls[0], alice.Token, "public", "user");
        await using var onSecond = await HubClient.ConnectAsync(_instances.Urls[1], bob.Token, "public");
        await _instances.Redis.WaitForSubscribersAsync(RedisChannels.Public, 2);
        var ids = Enumerable.Range(0, 3).Select(_ => Statuses.NewId()).ToList();

        foreach (var id in ids) await _instances.Redis.PublishAsync(RedisChannels.Public, Statuses.Update(id));
        var own = Statuses.NewId();
        await _instances.Redis.PublishAsync(RedisChannels.Timeline(alice.AccountId), Statuses.Update(own));

        Assert.That(await IdsAsync(onFirst, 4), Is.EquivalentTo(ids.Append(own)), "public and user are separate channels: no order between them");
        Assert.That(await IdsAsync(onSecond, 3), Is.EqualTo(ids));
    }

    private static async Task<List<string>> IdsAsync(HubClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add(JsonNode.Parse((await client.NextAsync(Deadline)).Payload)!["id"]!.GetValue<string>());
        return ids;
    }
}
