namespace Fedi.Streaming.Subscriptions;

/// <summary>What a client asked for: a stream name and its parameters (tag for hashtags, list for lists).</summary>
public sealed record StreamRequest(string? Stream, string? Tag = null, string? List = null);

/// <summary>
/// A stream resolved for one token: <see cref="StreamName"/> is what frames carry (<c>["hashtag","Foo"]</c>),
/// <see cref="Channels"/> the Redis channels behind it, <see cref="NeedsFiltering"/> whether status events
/// pass the per-connection filters (public and hashtag streams, as Mastodon).
/// </summary>
public sealed record ResolvedStream(string Name, IReadOnlyList<string> StreamName, IReadOnlyList<string> Channels, bool NeedsFiltering)
{
    /// <summary>Subscriptions are keyed by their channels, so asking twice for the same thing is a no-op.</summary>
    public string Key => string.Join(';', Channels);
}
