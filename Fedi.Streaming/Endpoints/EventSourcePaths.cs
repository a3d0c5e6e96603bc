using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Endpoints;

/// <summary>SSE paths of Mastodon's streaming API and the stream each one means.</summary>
public static class EventSourcePaths
{
    public const string Prefix = "/api/v1/streaming";

    /// <summary>Null for a path that names no stream (answered 400 "Unknown channel requested").</summary>
    public static string? StreamName(string path, string? onlyMedia)
    {
        var media = IsTruthy(onlyMedia);
        return path.TrimEnd('/') switch
        {
            Prefix + "/user" => StreamNames.User,
            Prefix + "/user/notification" => StreamNames.UserNotification,
            Prefix + "/public" => media ? StreamNames.PublicMedia : StreamNames.Public,
            Prefix + "/public/local" => media ? StreamNames.PublicLocalMedia : StreamNames.PublicLocal,
            Prefix + "/public/remote" => media ? StreamNames.PublicRemoteMedia : StreamNames.PublicRemote,
            Prefix + "/hashtag" => StreamNames.Hashtag,
            Prefix + "/hashtag/local" => StreamNames.HashtagLocal,
            Prefix + "/list" => StreamNames.List,
            Prefix + "/direct" => StreamNames.Direct,
            _ => null,
        };
    }

    /// <summary>Mastodon's isTruthy: present and not one of its false spellings.</summary>
    public static bool IsTruthy(string? value) =>
        !string.IsNullOrEmpty(value) && value is not ("0" or "f" or "F" or "false" or "FALSE" or "off" or "OFF");
}
