using Fedi.Core.Errors;
using Fedi.Core.OAuth;

namespace Fedi.Streaming.Subscriptions;

/// <summary>Mastodon's per-stream scope rule: <c>read</c> always suffices; <c>user:notification</c> also
/// accepts <c>read:notifications</c>; every other stream <c>read:statuses</c>.</summary>
public static class StreamScopes
{
    public const string MissingScopes = "Access token does not have the required scopes";

    public static void Require(AccessToken token, string streamName)
    {
        var needed = streamName == StreamNames.UserNotification ? "read:notifications" : "read:statuses";
        if (!token.Allows(needed)) throw new ApiException(401, MissingScopes);
    }

    /// <summary>The user stream carries notifications only when the token may read them.</summary>
    public static bool IncludesNotifications(AccessToken token) => token.Allows("read:notifications");
}
