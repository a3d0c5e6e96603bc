using System.Collections.Concurrent;

namespace Fedi.Streaming.Connections;

/// <summary>
/// Every live connection of this process, so SIGTERM can close them all with 1001 (SSE: end the response)
/// before Kestrel stops; the host then waits for the handlers to finish and the process exits 0.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<StreamConnection, byte> _live = new();
    private volatile bool _stopping;

    public ConnectionRegistry(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(CloseAll);

    public int Count => _live.Count;

    public void Add(StreamConnection connection)
    {
        _live[connection] = 0;
        StreamingMetrics.ConnectedClients.WithLabels(connection.Type).Inc();
        if (_stopping) connection.Close(CloseReason.ServerShutdown);
    }

    public void Remove(StreamConnection connection)
    {
        if (_live.TryRemove(connection, out _)) StreamingMetrics.ConnectedClients.WithLabels(connection.Type).Dec();
    }

    private void CloseAll()
    {
        _stopping = true;
        foreach (var connection in _live.Keys) connection.Close(CloseReason.ServerShutdown);
    }
}
