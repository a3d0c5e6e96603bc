using System.Runtime.CompilerServices;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Contracts;
using Fedi.Core.Filters;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// The viewer's <c>hide</c> filters of the public context on public and hashtag streams: a matching status is not
/// sent. The compiled filters are loaded once at connect and reloaded when <see cref="StreamEvents.FiltersChanged"/>
/// arrives on the system channel, so no message costs a query; an expired filter stops applying at its time.
/// </summary>
public sealed class KeywordFilter(ViewerFilterLoader loader, ILogger<KeywordFilter> logger) : IStreamFilter
{
    private const string Context = "public";
    private readonly ConditionalWeakTable<StreamConnection, ConnectionCache<ViewerFilters>> _connections = new();

    /// <summary>Parsed once per event, shared by every connection the event reaches.</summary>
    private readonly ConditionalWeakTable<ChannelEvent, StreamedStatusText> _texts = new();

    public async Task PrepareAsync(StreamConnection connection, CancellationToken ct)
    {
        var accountId = connection.Credentials.AccountId;
        var filters = new ConnectionCache<ViewerFilters>(connection, ViewerFilters.None, token => loader.LoadAsync(accountId, token),
            e => logger.LogFiltersReloadFailed(accountId, e));
        _connections.AddOrUpdate(connection, filters);
        await filters.LoadAsync(ct);
    }

    public void OnSystemEvent(StreamConnection connection, ChannelEvent systemEvent)
    {
        if (systemEvent.Event == StreamEvents.FiltersChanged && _connections.TryGetValue(connection, out var filters))
            filters.Invalidate();
    }

    public bool Allows(StreamConnection connection, ChannelEvent status)
    {
        if (!_connections.TryGetValue(connection, out var holder) || holder.Current.IsEmpty) return true;
        var text = _texts.GetValue(status, e => StreamedStatusText.Read(e.Payload));
        return !StatusFiltering.Hides(StatusFiltering.Match(holder.Current, Context, text.AuthorId, text.Text, text.StatusIds));
    }
}
