using System.Data.Common;
using System.Net.Sockets;
using Fedi.Core.Errors;
using Fedi.Core.Lists;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Fedi.Streaming.SignalR;

/// <summary>
/// <c>/hubs/timelines</c>: Mastodon's streams for browsers through SignalR. The client calls
/// <c>Subscribe(stream, tag, list)</c> / <c>Unsubscribe(…)</c> and receives <c>event(stream[], event, payload)</c>,
/// payload being the entity JSON as a string, exactly as in the WebSocket frame. Stream names, scopes,
/// errors (as HubException messages) and filters are the WebSocket endpoint's. SignalR runs one invocation
/// per client at a time, which is the one-caller-at-a-time rule of <see cref="StreamConnection"/>.
/// </summary>
public sealed class TimelinesHub(
    IHubContext<TimelinesHub> hubContext, ListStore lists, ChannelHub channels, ConnectionRegistry registry, IEnumerable<IStreamFilter> filters,
    StreamingOptions options) : Hub
{
    public const string Path = "/hubs/timelines";
    private const string ConnectionKey = "fedi.connection";

    public override async Task OnConnectedAsync()
    {
        var credentials = HubAuthentication.Credentials(Context.GetHttpContext())
            ?? throw new HubException(StreamingAuthenticator.MissingToken);
        var connection = new SignalRConnection(Context, hubContext, credentials, channels, filters.ToArray());
        try
        {
            // As StreamSetup: system channels first, then the filters' per-connection state, so no change is missed.
            await connection.SubscribeSystemAsync();
            foreach (var filter in connection.Filters) await filter.PrepareAsync(connection, Context.ConnectionAborted);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or DbException or SocketException)
        {
            await connection.DisposeAsync();
            throw new HubException(StreamingAuthenticator.Unavailable);
        }
        Context.Items[ConnectionKey] = connection;
        registry.Add(connection);
        connection.Start();
    }

    public async Task Subscribe(string stream, string? tag = null, string? list = null)
    {
        var connection = Connection();
        try
        {
            var request = new StreamRequest(stream, tag, list);
            await connection.SubscribeAsync(await StreamResolver.ResolveAsync(connection.Credentials, request, lists, Context.ConnectionAborted),
                options.MaxStreamsPerConnection);
        }
        catch (ApiException e)
        {
            throw new HubException(e.Error);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new HubException(StreamingAuthenticator.Unavailable);
        }
    }

    public async Task Unsubscribe(string stream, string? tag = null, string? list = null)
    {
        var connection = Connection();
        try
        {
            await connection.UnsubscribeAsync(StreamResolver.Channels(connection.Credentials, stream, new StreamRequest(stream, tag, list)));
        }
        catch (ApiException)
        {
            throw new HubException(Endpoints.WebSocketEndpoint.UnsubscribeFailed);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(ConnectionKey, out var value) && value is SignalRConnection connection)
        {
            registry.Remove(connection);
            await connection.StoppedAsync();
            await connection.DisposeAsync();
        }
    }

    private SignalRConnection Connection() =>
        Context.Items.TryGetValue(ConnectionKey, out var value) && value is SignalRConnection connection
            ? connection
            : throw new HubException(StreamingAuthenticator.MissingToken);
}
