namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// Channels a process receives through ONE <c>PSUBSCRIBE</c> instead of a SUBSCRIBE (and a StackExchange.Redis
/// message queue) per channel. One queue per pattern keeps each channel's messages in publish order.
/// </summary>
/// <param name="Glob">The Redis pattern, without REDIS_NAMESPACE (the multiplexer prefixes it).</param>
/// <param name="Announced">Whether producers must learn of local listeners through <c>subscribed:</c> keys.</param>
public sealed record PatternFamily(string Glob, Func<string, bool> Contains, bool Announced)
{
    private const string Timeline = "timeline:";

    /// <summary><c>kill</c> when a token is revoked: rare, one per connection, never announced.</summary>
    public static readonly PatternFamily AccessTokens = Prefixed("timeline:access_token:");

    /// <summary><c>kill</c>, <c>filters_changed</c>, <c>relations_changed</c> per account: rare, never announced.</summary>
    public static readonly PatternFamily Systems = Prefixed("timeline:system:");

    /// <summary>
    /// <c>timeline:&lt;id&gt;</c> and <c>timeline:&lt;id&gt;:notifications</c>: the only channels whose name continues
    /// with a digit after <c>timeline:</c> (public, hashtag, list, direct and the system families continue with a letter).
    /// Announced: producers render per-user events only for accounts with a <c>subscribed:</c> key.
    /// </summary>
    public static readonly PatternFamily Users = new(
        Timeline + "[0-9]*",
        channel => channel.Length > Timeline.Length && channel.StartsWith(Timeline, StringComparison.Ordinal) && char.IsAsciiDigit(channel[Timeline.Length]),
        Announced: true);

    /// <summary>The families a process subscribes by pattern under <paramref name="userChannels"/>.</summary>
    public static IReadOnlyList<PatternFamily> For(UserChannelMode userChannels) =>
        userChannels == UserChannelMode.Pattern ? [AccessTokens, Systems, Users] : [AccessTokens, Systems];

    private static PatternFamily Prefixed(string prefix) =>
        new(prefix + "*", channel => channel.StartsWith(prefix, StringComparison.Ordinal), Announced: false);
}
