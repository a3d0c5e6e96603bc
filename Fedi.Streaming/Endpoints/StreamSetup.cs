using System.Data.Common;
using System.Net.Sockets;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Connections;
using Fedi.Streaming.Subscriptions;
using StackExchange.Redis;

namespace Fedi.Streaming.Endpoints;

/// <summary>Steps both transports take before streaming; a Redis or PostgreSQL failure is a 503, never a 500 stack.</summary>
public static class StreamSetup
{
    /// <summary>
    /// Subscribes the system channels, loads the filters' per-connection state (after, so no change is missed),
    /// then subscribes <paramref name="stream"/> when given; false after answering 503.
    /// </summary>
    public static async Task<bool> TrySubscribeAsync(HttpContext http, StreamConnection connection, ILogger logger, ResolvedStream? stream = null)
    {
        if (await TrySubscribeAsync(connection, logger, stream, http.RequestAborted)) return true;
        await ErrorResponses.WriteAsync(http, 503, StreamingAuthenticator.Unavailable);
        return false;
    }

    /// <summary>The same without an HTTP response: false (logged) when the caller must answer 503.</summary>
    public static async Task<bool> TrySubscribeAsync(StreamConnection connection, ILogger logger, ResolvedStream? stream, CancellationToken aborted)
    {
        try
        {
            await connection.SubscribeSystemAsync();
            foreach (var filter in connection.Filters) await filter.PrepareAsync(connection, aborted);
            if (stream is not null) await connection.SubscribeAsync(stream);
            return true;
        }
        catch (Exception e) when (e is DbException or SocketException && !aborted.IsCancellationRequested)
        {
            logger.LogFilterLoadFailed(e);
            return false;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogSubscribeFailed(stream?.Name ?? StreamNames.System, e);
            return false;
        }
    }
}
