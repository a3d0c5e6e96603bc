namespace Fedi.Testing;

/// <summary>The last lines a process wrote, and the tests waiting for a line to appear.</summary>
internal sealed class OutputBuffer(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource<string> Found)> _waiters = [];
    private Func<Exception>? _ended;

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
                _lines.Dequeue();
            _waiters.RemoveAll(w => w.Found.Task.IsCompleted || Settle(w.Predicate, w.Found, line));
        }
    }

    // Runs on the process's output thread: a throwing predicate fails its own wait, not the test host.
    private static bool Settle(Func<string, bool> predicate, TaskCompletionSource<string> found, string line)
    {
        try
        {
            return predicate(line) && found.TrySetResult(line);
        }
        catch (Exception e)
        {
            return found.TrySetException(e);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
            return [.. _lines];
    }

    /// <summary>No more lines will come: waiters still waiting fail with the exception <paramref name="ended"/> makes.</summary>
    public void Complete(Func<Exception> ended)
    {
        lock (_lines)
        {
            _ended = ended;
            foreach (var waiter in _waiters)
                waiter.Found.TrySetException(ended());
            _waiters.Clear();
        }
    }

    /// <summary>The first line, already captured or still to come, that matches.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> predicate, CancellationToken ct)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var existing = _lines.FirstOrDefault(predicate);
            if (existing is not null)
                return existing;
            if (_ended is not null)
                throw _ended();
            _waiters.Add((predicate, found));
        }
        await using var registration = ct.Register(() => found.TrySetCanceled(ct));
        return await found.Task;
    }
}
