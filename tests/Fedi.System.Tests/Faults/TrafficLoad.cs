using System.Collections.Concurrent;
using Fedi.Testing;

namespace Fedi.System.Tests.Faults;

/// <summary>
/// What people do while something breaks: posters publishing as fast as a busy app would and a reader
/// refreshing the home timeline, each request's outcome recorded — the status code, or the connection error
/// when the server was not there to answer.
/// </summary>
public sealed class TrafficLoad(TestUser poster, TestUser reader, int posters = 2) : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(80);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Outcome> _posts = [];
    private readonly ConcurrentBag<Outcome> _reads = [];
    private Task? _running;

    /// <summary>One request: its HTTP status (0 when no answer came) and, for a post answered 200, the status id.</summary>
    public sealed record Outcome(int Status, string? StatusId, string? Error);

    public IReadOnlyCollection<Outcome> Posts => _posts;
    public IReadOnlyCollection<Outcome> Reads => _reads;

    /// <summary>Ids of the posts the server confirmed (200).</summary>
    public IReadOnlyList<string> ConfirmedPostIds => [.. _posts.Where(p => p.StatusId is not null).Select(p => p.StatusId!)];

    public void Start()
    {
        var loops = Enumerable.Range(0, posters).Select(n => LoopAsync(() => PostAsync(n), _posts)).ToList();
        loops.Add(LoopAsync(() => ReadAsync(), _reads));
        _running = Task.WhenAll(loops);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private int _sequence;

    private async Task<Outcome> PostAsync(int loop)
    {
        var text = $"load post {loop}-{Interlocked.Increment(ref _sequence)}";
        var response = await poster.Client.PostFormAsync("/api/v1/statuses", [new("status", text)]);
        return new Outcome(response.Status, response.Status == 200 ? response.RequireJson()["id"]!.GetValue<string>() : null, null);
    }

    private async Task<Outcome> ReadAsync()
    {
        var response = await reader.Client.GetAsync("/api/v1/timelines/home?limit=5");
        return new Outcome(response.Status, null, null);
    }

    private async Task LoopAsync(Func<Task<Outcome>> request, ConcurrentBag<Outcome> outcomes)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                outcomes.Add(await request().WaitAsync(TimeSpan.FromSeconds(30)));
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or IOException)
            {
                outcomes.Add(new Outcome(0, null, e.GetType().Name + ": " + e.Message));
            }
            try
            {
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
