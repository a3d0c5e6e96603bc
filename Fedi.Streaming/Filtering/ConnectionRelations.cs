using Fedi.Core.Relationships;
using Fedi.Streaming.Connections;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// One connection's <see cref="ViewerRelations"/>: loaded at connect, swapped whole on reload (readers on the
/// dispatch threads see the old or the new sets, never a mix). Reloads are debounced: changes arriving while
/// one is pending or running cause one more load, not one each.
/// </summary>
public sealed class ConnectionRelations(StreamConnection connection, ViewerRelationsStore store, ILogger logger)
{
    /// <summary>Lets a burst of changes (blocking several accounts in a row) cost one query.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 5;

    private readonly Lock _gate = new();
    private ViewerRelations _current = ViewerRelations.None;
    private bool _reloading;
    private bool _dirty;

    public ViewerRelations Current => Volatile.Read(ref _current);

    public async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await store.FindAsync(connection.Credentials.AccountId, ct);
        // Most viewers block and mute nobody: they share one empty instance instead of four empty sets each.
        Volatile.Write(ref _current, loaded.IsEmpty ? ViewerRelations.None : loaded);
    }

    /// <summary>Called on the dispatch thread: starts a reload in the background unless one is already coming.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _dirty = true;
            if (_reloading) return;
            _reloading = true;
        }
        _ = ReloadLoopAsync();
    }

    private async Task ReloadLoopAsync()
    {
        var attempts = 0;
        while (true)
        {
            await Task.Delay(attempts == 0 ? Debounce : RetryDelay);
            lock (_gate)
            {
                if (!_dirty || connection.CloseReason is not null)
                {
                    _reloading = false;
                    return;
                }
                _dirty = false;
            }
            try
            {
                await LoadAsync(CancellationToken.None);
                attempts = 0;
            }
            catch (Exception e) when (++attempts < MaxAttempts)
            {
                // Keep filtering with the old sets and try again; the change is not lost.
                logger.LogRelationsReloadFailed(connection.Credentials.AccountId, e);
                lock (_gate) _dirty = true;
            }
            catch (Exception e)
            {
                logger.LogRelationsReloadFailed(connection.Credentials.AccountId, e);
                lock (_gate) _reloading = false;
                return;
            }
        }
    }
}
