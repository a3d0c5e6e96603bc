using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Fedi.Worker.Tests.Support;

/// <summary>Records what is published on one pub/sub channel of an instance (its namespace prefix added).</summary>
public sealed class ChannelRecorder : IAsyncDisposable
{
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly ConcurrentQueue<JsonObject> _messages = new();

    private ChannelRecorder(ISubscriber subscriber, RedisChannel channel)
    {
        _subscriber = subscriber;
        _channel = channel;
    }

    public IReadOnlyList<JsonObject> Messages => _messages.ToArray();

    public static async Task<ChannelRecorder> StartAsync(SidekiqRedis redis, string channel)
    {
        var recorder = new ChannelRecorder(redis.Subscriber, RedisChannel.Literal($"{redis.Namespace}:{channel}"));
        await redis.Subscriber.SubscribeAsync(recorder._channel, (_, message) =>
        {
            if (JsonNode.Parse((string)message!) is JsonObject json) recorder._messages.Enqueue(json);
        });
        return recorder;
    }

    /// <summary>The first message with event <paramref name="eventName"/> about status <paramref name="statusId"/>.</summary>
    public Task<JsonObject> WaitForAsync(string eventName, long statusId) =>
        Eventually.ValueAsync(() => Task.FromResult(Find(eventName, statusId)), $"a {eventName} of {statusId} on {_channel}");

    public JsonObject? Find(string eventName, long statusId) => _messages.FirstOrDefault(m =>
        m["event"]?.GetValue<string>() == eventName && About(m) == statusId.ToString());

    private static string? About(JsonObject message) => message["payload"] switch
    {
        JsonObject entity => entity["id"]?.GetValue<string>(),
        JsonValue id => id.GetValue<string>(),
        _ => null,
    };

    public async ValueTask DisposeAsync() => await _subscriber.UnsubscribeAsync(_channel);
}
