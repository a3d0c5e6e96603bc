using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fedi.Streaming.Tests.SignalR;

/// <summary>One event of the hub: <c>event(stream[], eventName, payload)</c>.</summary>
public sealed record HubEvent(string[] Stream, string Event, string Payload);

/// <summary>A browser-like client of <c>/hubs/timelines</c> (token through AccessTokenProvider, as @microsoft/signalr's accessTokenFactory).</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Channel<HubEvent> _events = Channel.CreateUnbounded<HubEvent>();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(string streamingUrl, string token, bool skipNegotiation, HttpTransportType? transport, Action<HttpConnectionOptions>? configure = null)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(streamingUrl + "/hubs/timelines", options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(options);
                if (transport is { } only) options.Transports = only;
                if (!skipNegotiation) return;
                // What the README recommends behind a balancer: one WebSocket request, token in ?access_token=.
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        Connection.On<string[], string, string>("event", (stream, name, payload) => _events.Writer.TryWrite(new HubEvent(stream, name, payload)));
        Connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the server ends the connection.</summary>
    public Task Closed => _closed.Task;

    public static Task<HubClient> ConnectAsync(string streamingUrl, string token, params string[] streams) =>
        ConnectAsync(streamingUrl, token, skipNegotiation: false, transport: null, streams);

    public static Task<HubClient> ConnectAsync(string streamingUrl, string token, bool skipNegotiation, HttpTransportType? transport, params string[] streams) =>
        StartAsync(new HubClient(streamingUrl, token, skipNegotiation, transport), streams);

    /// <summary>Negotiates as a browser would, with <paramref name="configure"/> applied to the connection options (e.g. the TLS certificate to trust).</summary>
    public static Task<HubClient> ConnectAsync(string streamingUrl, string token, Action<HttpConnectionOptions> configure, params string[] streams) =>
        StartAsync(new HubClient(streamingUrl, token, skipNegotiation: false, transport: null, configure), streams);

    private static async Task<HubClient> StartAsync(HubClient client, string[] streams)
    {
        try
        {
            await client.Connection.StartAsync();
            foreach (var stream in streams) await client.Connection.InvokeAsync("Subscribe", stream, null, null);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public Task<HubEvent> NextAsync(TimeSpan timeout) => _events.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
