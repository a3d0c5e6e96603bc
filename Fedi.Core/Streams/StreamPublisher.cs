using Fedi.Core.Contracts;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Streams;

/// <summary>
/// The one writer of the <c>timeline:*</c> channels (<see cref="RedisChannels"/>), for web and worker alike; the
/// streaming tier only subscribes. Per-user home and list events go only to channels someone listens on
/// (<see cref="RedisKeys.Subscribed"/>, kept alive by streaming), checked for a whole batch in one pipelined round
/// trip and published in another. Messages arrive encoded (<see cref="StreamMessage"/>) when they are a status's,
/// rendered once and shared by many channels; payload-less and conversation events are encoded here.
/// </summary>
public sealed class StreamPublisher(RedisConnection redis)
{
    /// <summary>
    /// Publishes <paramref name="message"/>(account id) on <c>timeline:&lt;id&gt;</c> of each account among
    /// <paramref name="accountIds"/> with a client on its home stream. The listener check is pipelined with
    /// <paramref name="alongside"/> (the feed write of the same batch); nothing is published unless that succeeds.
    /// Messages are rendered one after another, so the caller may cache renderings without locking.
    /// </summary>
    public async Task PublishToListeningHomesAsync(
        IReadOnlyCollection<long> accountIds, Func<long, Task<string>> message, Task? alongside = null)
    {
        var listening = await ListListeningAsync(accountIds, RedisChannels.Timeline, alongside);
        var messages = new List<(string Channel, string Message)>(listening.Count);
        foreach (var id in listening) messages.Add((RedisChannels.Timeline(id), await message(id)));
        await PublishAllAsync(messages);
    }

    /// <summary>The same <paramref name="message"/> for every listening account (a <c>delete</c>).</summary>
    public Task PublishToListeningHomesAsync(IReadOnlyCollection<long> accountIds, string message, Task? alongside = null) =>
        PublishToListeningHomesAsync(accountIds, _ => Task.FromResult(message), alongside);

    /// <summary>
    /// Publishes <paramref name="message"/>(owner id) on <c>timeline:list:&lt;id&gt;</c> of each list whose stream is
    /// open, pipelined with <paramref name="alongside"/> as <see cref="PublishToListeningHomesAsync(IReadOnlyCollection{long}, Func{long, Task{string}}, Task?)"/>.
    /// </summary>
    public async Task PublishToListeningListsAsync(
        IReadOnlyList<(long ListId, long OwnerId)> lists, Func<long, Task<string>> message, Task? alongside = null)
    {
        var listening = await ListListeningAsync(lists, l => RedisChannels.List(l.ListId), alongside);
        var messages = new List<(string Channel, string Message)>(listening.Count);
        foreach (var (listId, ownerId) in listening) messages.Add((RedisChannels.List(listId), await message(ownerId)));
        await PublishAllAsync(messages);
    }

    /// <summary>Publishes on every list's channel, listened to or not (a <c>delete</c>, as Mastodon's unpush_from_list).</summary>
    public Task PublishToListsAsync(IEnumerable<long> listIds, string message) =>
        PublishAllAsync(listIds.Select(id => (RedisChannels.List(id), message)));

    /// <summary>On <c>timeline:public</c> and, by the status's origin, <c>timeline:public:local</c> or <c>:remote</c>; a status with
    /// attachments on the matching <c>…:media</c> channels too.</summary>
    public Task PublishPublicAsync(bool local, string message, bool withMedia = false) =>
        PublishAllAsync([(RedisChannels.Public, message), (local ? RedisChannels.PublicLocal : RedisChannels.PublicRemote, message),
            .. withMedia ? [(RedisChannels.PublicMedia, message), (local ? RedisChannels.PublicLocalMedia : RedisChannels.PublicRemoteMedia, message)]
                : Array.Empty<(string, string)>()]);

    /// <summary>On <c>timeline:hashtag:&lt;name&gt;</c> of each (normalised) name and, for this server's statuses, <c>…:local</c> too.</summary>
    public Task PublishHashtagsAsync(IReadOnlyCollection<string> names, bool local, string message) =>
        PublishAllAsync(names.Select(name => (RedisChannels.Hashtag(name), message))
            .Concat(local ? names.Select(name => (RedisChannels.Hashtag(name, localOnly: true), message)) : []));

    /// <summary>A <c>conversation</c> event (<paramref name="conversationJson"/>: the serialized Conversation) on <c>timeline:direct:&lt;id&gt;</c>.</summary>
    public Task PublishConversationAsync(long accountId, string conversationJson) =>
        PublishAsync(RedisChannels.Direct(accountId), StreamMessage.Encode(StreamEvents.Conversation, conversationJson));

    /// <summary>
    /// A <c>notification</c> event (<paramref name="notificationJson"/>: the serialized Notification) on
    /// <c>timeline:&lt;id&gt;:notifications</c>, only while the account has a user or notification stream open.
    /// </summary>
    public async Task PublishNotificationAsync(long accountId, string notificationJson)
    {
        var batch = redis.Database.CreateBatch();
        var checks = new[] { RedisChannels.Timeline(accountId), RedisChannels.Notifications(accountId) }
            .Select(c => batch.KeyExistsAsync(RedisKeys.Subscribed(c))).ToList();
        batch.Execute();
        if ((await Task.WhenAll(checks)).Any(listening => listening))
            await PublishAsync(RedisChannels.Notifications(accountId), StreamMessage.Encode(StreamEvents.Notification, notificationJson));
    }

    /// <summary><c>kill</c> on <c>timeline:system:&lt;id&gt;</c>: every stream the account has open closes.</summary>
    public Task KillAccountStreamsAsync(long accountId) =>
        PublishAsync(RedisChannels.System(accountId), StreamMessage.EncodeKill());

    /// <summary><c>kill</c> on <c>timeline:access_token:&lt;id&gt;</c> of each token: streams opened with them close.</summary>
    public Task KillAccessTokenStreamsAsync(IEnumerable<long> tokenIds) =>
        PublishAllAsync(tokenIds.Select(id => (RedisChannels.AccessToken(id), StreamMessage.EncodeKill())));

    /// <summary><see cref="StreamEvents.RelationsChanged"/> on each account's system channel, once per account.</summary>
    public Task PublishRelationsChangedAsync(params long[] accountIds) =>
        PublishAllAsync(accountIds.Distinct().Select(id => (RedisChannels.System(id), StreamMessage.EncodeRelationsChanged())));

    /// <summary>
    /// <see cref="StreamEvents.FiltersChanged"/> after a change to the account's filters, as Mastodon's CustomFilter: on
    /// <c>timeline:&lt;id&gt;</c> for the user's clients to reload their filters, and on the system channel for the
    /// streaming tier's per-connection cache.
    /// </summary>
    public Task PublishFiltersChangedAsync(long accountId) =>
        PublishAllAsync([(RedisChannels.Timeline(accountId), StreamMessage.EncodeFiltersChanged()),
                         (RedisChannels.System(accountId), StreamMessage.EncodeFiltersChanged())]);

    /// <summary>The items whose channel has a <c>subscribed:</c> key, in one pipelined round trip shared with <paramref name="alongside"/>.</summary>
    private async Task<IReadOnlyList<T>> ListListeningAsync<T>(IReadOnlyCollection<T> items, Func<T, string> channel, Task? alongside)
    {
        if (items.Count == 0)
        {
            if (alongside is not null) await alongside;
            return [];
        }
        var batch = redis.Database.CreateBatch();
        var checks = items.Select(item => (Item: item, Exists: batch.KeyExistsAsync(RedisKeys.Subscribed(channel(item))))).ToList();
        batch.Execute();
        await Task.WhenAll(checks.Select(c => (Task)c.Exists).Append(alongside ?? Task.CompletedTask));
        var listening = new List<T>();
        foreach (var (item, exists) in checks)
            if (await exists) listening.Add(item);
        return listening;
    }

    /// <summary>Every publish sent before any reply is awaited: one round trip for the lot.</summary>
    private Task PublishAllAsync(IEnumerable<(string Channel, string Message)> messages) =>
        Task.WhenAll(messages.Select(m => PublishAsync(m.Channel, m.Message)));

    private Task PublishAsync(string channel, string message) =>
        redis.Subscriber.PublishAsync(RedisChannel.Literal(channel), message);
}
