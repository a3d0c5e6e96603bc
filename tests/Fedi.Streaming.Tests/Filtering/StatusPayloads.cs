using System.Text.Json.Nodes;
using Fedi.Core.Contracts;
using Fedi.Streaming.Tests.Support;

namespace Fedi.Streaming.Tests.Filtering;

/// <summary>Status events with chosen authors, mentions and reblogs, as the web and worker tiers publish them.</summary>
public static class StatusPayloads
{
    /// <summary>An author nobody relates to.</summary>
    public const long Neutral = 7;

    public static JsonObject Status(string id, long authorId, string? acct = null, long[]? mentions = null, JsonObject? reblog = null) =>
        new()
        {
            ["id"] = id,
            ["content"] = "<p>Hello</p>",
            ["language"] = "en",
            ["visibility"] = "public",
            ["account"] = new JsonObject { ["id"] = authorId.ToString(), ["username"] = "someone", ["acct"] = acct ?? $"user{authorId}" },
            ["mentions"] = new JsonArray((mentions ?? []).Select(m => (JsonNode)new JsonObject { ["id"] = m.ToString(), ["acct"] = $"user{m}" }).ToArray()),
            ["reblog"] = reblog,
            ["media_attachments"] = new JsonArray(),
        };

    public static string Update(JsonObject status) => StreamMessage.Encode(StreamEvents.Update, status.ToJsonString());

    public static string Update(string id, long authorId, string? acct = null, long[]? mentions = null) => Update(Status(id, authorId, acct, mentions));

    public static string NewId() => Statuses.NewId();

    /// <summary>Publishes <paramref name="message"/> (status <paramref name="id"/>) then a sentinel; true when the status
    /// came before the sentinel (frames of one channel arrive in order, so no waiting is guessed).</summary>
    public static async Task<bool> DeliveredAsync(RedisProbe redis, WebSocketClient socket, string channel, string id, string message, TimeSpan deadline)
    {
        var sentinel = NewId();
        await redis.PublishAsync(channel, message);
        await redis.PublishAsync(channel, Update(sentinel, Neutral));
        var frames = await socket.ReceiveUntilAsync(f => PayloadId(f) == sentinel, deadline);
        return frames.Any(f => PayloadId(f) == id);
    }

    public static string? PayloadId(JsonNode frame) => new StreamingEvent(frame).Payload?["id"]?.GetValue<string>();
}
