using System.Collections.Concurrent;
using Fedi.Testing;

namespace Fedi.Benchmarks.Load;

/// <summary>
/// The people of the benchmark: users who follow one another (each follows up to 10 others), some of them
/// watching their user stream over WebSocket, and the statuses posted so far (favourites pick from them).
/// </summary>
public sealed class LoadScene(FediCluster cluster, IReadOnlyList<TestUser> users) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly List<WebSocketClient> _streams = [];
    private long _streamEvents;
    private static readonly HttpClient Health = new();

    public long StreamEvents => Interlocked.Read(ref _streamEvents);
    public int OpenStreams => _streams.Count(s => s.State == System.Net.WebSockets.WebSocketState.Open);

    public static async Task<LoadScene> CreateAsync(FediCluster cluster, int count)
    {
        var users = new List<TestUser>();
        for (var i = 0; i < count; i++) users.Add(await cluster.Users.SignUpAsync());
        for (var i = 0; i < count; i++)
            for (var k = 1; k <= Math.Min(10, count - 1); k++)
                (await users[i].Client.PostFormAsync($"/api/v1/accounts/{users[(i + k) % count].AccountId}/follow", [])).EnsureSuccess();
        return new LoadScene(cluster, users);
    }

    public ApiClient RandomUser(Random random) => users[random.Next(users.Count)].Client;

    public async Task OpenStreamsAsync(int count, CancellationToken stop)
    {
        for (var i = 0; i < count; i++)
        {
            var stream = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, users[i % users.Count].Token, "user");
            _streams.Add(stream);
            _ = CountEventsAsync(stream, stop);
        }
    }

    public async Task<int> PostAsync(Random random)
    {
        var response = await RandomUser(random).PostFormAsync("/api/v1/statuses", [new("status", $"load {Guid.NewGuid():N} #bench")]);
        if (response.Status == 200)
        {
            _recent.Enqueue(response.RequireJson()["id"]!.GetValue<string>());
            while (_recent.Count > 500) _recent.TryDequeue(out _);
        }
        return response.Status;
    }

    public async Task<int> FavouriteAsync(Random random)
    {
        var ids = _recent.ToArray();
        if (ids.Length == 0) return await PostAsync(random);
        return (await RandomUser(random).PostFormAsync($"/api/v1/statuses/{ids[random.Next(ids.Length)]}/favourite", [])).Status;
    }

    public async Task<int> HealthAsync() => (int)(await Health.GetAsync($"{cluster.WebUrl}/health")).StatusCode;

    /// <summary>True when the server has the favourite route (it answers 404 for an unknown status, 405 or 404 without one).</summary>
    public async Task<bool> HasFavouritesAsync()
    {
        var id = _recent.TryPeek(out var first) ? first : null;
        if (id is null)
        {
            await PostAsync(new Random(1));
            _recent.TryPeek(out id);
        }
        return (await users[0].Client.PostFormAsync($"/api/v1/statuses/{id}/favourite", [])).Status == 200;
    }

    private async Task CountEventsAsync(WebSocketClient stream, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await stream.ReceiveJsonAsync(TimeSpan.FromMinutes(10), stop);
                Interlocked.Increment(ref _streamEvents);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams) await stream.DisposeAsync();
    }
}
