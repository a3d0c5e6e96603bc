using System.Text.Json.Nodes;
using Fedi.Core.Contracts;

namespace Fedi.Streaming.Tests.Support;

/// <summary>Status entities and channel messages as web and worker publish them.</summary>
public static class Statuses
{
    private static long _next = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 16;

    public static string NewId() => Interlocked.Increment(ref _next).ToString();

    /// <summary>A Mastodon Status entity (the fields the streaming tier and clients look at).</summary>
    public static string Json(string id, string? language = "en", string content = "<p>Hello</p>") =>
        new JsonObject
        {
            ["id"] = id,
            ["content"] = content,
            ["language"] = language,
            ["visibility"] = "public",
            ["account"] = new JsonObject { ["id"] = "1", ["username"] = "alice", ["acct"] = "alice" },
            ["mentions"] = new JsonArray(),
            ["media_attachments"] = new JsonArray(),
        }.ToJsonString();

    public static string Update(string id, string? language = "en", string content = "<p>Hello</p>") =>
        StreamMessage.Encode(StreamEvents.Update, Json(id, language, content));

    public static string Delete(string id) => StreamMessage.EncodeDelete(long.Parse(id));
}
