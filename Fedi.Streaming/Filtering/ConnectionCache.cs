using Fedi.Streaming.Connections;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// One connection's copy of something loaded from the database (its blocks and mutes, its filters): loaded at
/// connect, swapped whole on reload (readers on the dispatch threads see the old or the new value, never a mix).
/// Reloads are debounced: changes arriving while one is pending or running cause one more load, not one each.
/// </summary>
public sealed class ConnectionCache<T>(StreamConnection connection, T initial, Func<CancellationToken, Task<T>> load, Action<Exception> reloadFailed)
    where T : class
{
    /// <summary>Lets a burst of changes (blocking several accounts in a row) cost one query.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 5;

    private readonly Lock _gate = new();
    private T _current = initial;
    private bool _reloading;
    private bool _dirty;

    public T Current => Volatile.Read(ref _current);

    public async Task LoadAsync(CancellationToken ct) => Volatile.Write(ref _current, await load(ct));

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
                // Keep filtering with the old value and try again; the change is not lost.
                reloadFailed(e);
                lock (_gate) _dirty = true;
            }
            catch (Exception e)
            {
                reloadFailed(e);
                lock (_gate) _reloading = false;
                return;
            }
        }
    }
}
