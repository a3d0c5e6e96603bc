using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fedi.Testing;
using StackExchange.Redis;
using static Fedi.Web.Tests.Media.MediaFixtures;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Media;

public sealed class MediaStreamingTests
{
    private static FediCluster Cluster => WebCluster.Cluster;

    [Test]
    public async Task A_public_post_with_media_reaches_the_public_media_channels_and_one_without_does_not()
    {
        var alice = await Cluster.Users.SignUpAsync();
        var mediaId = (await UploadAsync(alice, Png(20, 20))).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
        var received = new ConcurrentQueue<(string Channel, JsonNode Message)>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(Cluster.Environment["REDIS_URL"]));
        foreach (var name in new[] { "timeline:public:media", "timeline:public:local:media" })
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal($"{Cluster.RedisNamespace}:{name}"), (channel, message) =>
                received.Enqueue((channel.ToString(), JsonNode.Parse((string)message!)!)));

        var plain = await PostAsync(alice, "words only");
        var withMedia = Json(await alice.Client.PostFormAsync("/api/v1/statuses", [new("status", "a picture"), new("media_ids[]", mediaId)]))["id"]!.GetValue<string>();

        await Eventually.TrueAsync(() => Task.FromResult(received.Count(m => m.Message["payload"]?["id"]?.GetValue<string>() == withMedia) == 2),
            "the post with media on both media channels");
        Assert.That(received.Select(m => m.Message["payload"]?["id"]?.GetValue<string>()), Has.None.EqualTo(plain));
        var update = received.First().Message;
        Assert.That(update["event"]!.GetValue<string>(), Is.EqualTo("update"));
        Assert.That(update["payload"]!["media_attachments"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(mediaId));
    }
}
