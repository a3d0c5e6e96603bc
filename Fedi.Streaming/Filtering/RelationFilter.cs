using System.Runtime.CompilerServices;
using Fedi.Core.Contracts;
using Fedi.Core.Relationships;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// Blocks, mutes and domain blocks on public and hashtag streams (Mastodon's streamFrom checks): a status is
/// dropped when the viewer blocks or mutes its author, a mentioned account or the reblogged author, when its
/// author (or the reblogged author) blocks the viewer, or when an author's domain is one the viewer blocks.
/// Answers from the connection's sets in memory — no database call per message; the sets are loaded once at
/// connect and reloaded when <see cref="StreamEvents.RelationsChanged"/> arrives on the system channel.
/// </summary>
public sealed class RelationFilter(ViewerRelationsStore store, TimeProvider time, ILogger<RelationFilter> logger) : IStreamFilter
{
    private readonly ConditionalWeakTable<StreamConnection, ConnectionCache<ViewerRelations>> _connections = new();

    /// <summary>Parsed once per event, shared by every connection the event reaches.</summary>
    private readonly ConditionalWeakTable<ChannelEvent, StatusParties> _parties = new();

    public async Task PrepareAsync(StreamConnection connection, CancellationToken ct)
    {
        // Registered before loading: a change published while the first load runs triggers a reload.
        var accountId = connection.Credentials.AccountId;
        var relations = new ConnectionCache<ViewerRelations>(connection, ViewerRelations.None, async token =>
        {
            var loaded = await store.FindAsync(accountId, token);
            // Most viewers block and mute nobody: they share one empty instance instead of four empty sets each.
            return loaded.IsEmpty ? ViewerRelations.None : loaded;
        }, e => logger.LogRelationsReloadFailed(accountId, e));
        _connections.AddOrUpdate(connection, relations);
        await relations.LoadAsync(ct);
    }

    public void OnSystemEvent(StreamConnection connection, ChannelEvent systemEvent)
    {
        if (systemEvent.Event == StreamEvents.RelationsChanged && _connections.TryGetValue(connection, out var relations))
            relations.Invalidate();
    }

    public bool Allows(StreamConnection connection, ChannelEvent status)
    {
        if (!_connections.TryGetValue(connection, out var holder)) return true;
        var relations = holder.Current;
        if (relations.IsEmpty) return true;

        var parties = _parties.GetValue(status, e => StatusParties.Read(e.Payload));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in parties.Accounts)
            if (relations.Hides(id, now)) return false;
        foreach (var id in parties.Authors)
            if (relations.BlockedBy.Contains(id)) return false;
        foreach (var domain in parties.Domains)
            if (relations.BlockedDomains.Contains(domain)) return false;
        return true;
    }
}
