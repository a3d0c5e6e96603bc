using Fedi.Core.Errors;
using Fedi.Core.Lists;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Filtering;
using Fedi.Streaming.Subscriptions;

namespace Fedi.Streaming.Endpoints;

/// <summary>
/// SSE at Mastodon's paths (<c>/api/v1/streaming/user</c>, <c>/public/local?only_media=true</c>, …): one
/// stream per response. Errors are plain JSON before the stream starts, in Mastodon's order: unknown path
/// 400, token 401, scopes 401, stream parameters 400/401.
/// </summary>
public sealed class EventSourceEndpoint(
    StreamingAuthenticator authenticator,
    ListStore lists,
    ChannelHub hub,
    ConnectionRegistry registry,
    IEnumerable<IStreamFilter> filters,
    StreamingOptions options,
    ILogger<EventSourceEndpoint> logger)
{
    private readonly IStreamFilter[] _filters = filters.ToArray();

    public async Task HandleAsync(HttpContext http)
    {
        http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
        var query = http.Request.Query;
        var name = EventSourcePaths.StreamName(http.Request.Path.Value ?? "", query["only_media"].FirstOrDefault());
        if (name is null)
        {
            await ErrorResponses.WriteAsync(http, 400, ErrorResponses.UnknownChannel);
            return;
        }

        StreamingCredentials credentials;
        ResolvedStream stream;
        try
        {
            credentials = await authenticator.AuthenticateAsync(http.Request, http.RequestAborted);
            stream = await StreamResolver.ResolveAsync(credentials, new StreamRequest(name, query["tag"].FirstOrDefault(), query["list"].FirstOrDefault()), lists, http.RequestAborted);
        }
        catch (ApiException e)
        {
            await ErrorResponses.WriteAsync(http, e);
            return;
        }

        await using var connection = new EventSourceConnection(http, credentials, hub, _filters, options.KeepAlive.EventSourceHeartbeat);
        if (!await StreamSetup.TrySubscribeAsync(http, connection, logger, stream)) return;
        registry.Add(connection);
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            registry.Remove(connection);
        }
    }
}
