using Fedi.Testing;
using StackExchange.Redis;

namespace Fedi.System.Tests.Streams;

/// <summary>
/// Three people and every stream they could watch: the author (user, direct); a follower who keeps the author on
/// a list (user, list, direct); someone else (user, direct, public, public:local, hashtag, hashtag:local — the tag
/// asked in upper case, as clients may). All sockets are subscribed and announced before anything is posted.
/// </summary>
public sealed class StreamScene : IAsyncDisposable
{
    private readonly List<StreamProbe> _probes = [];

    private StreamScene(TestUser author, TestUser follower, TestUser other, string tag, string listId)
    {
        Author = author;
        Follower = follower;
        Other = other;
        Tag = tag;
        ListId = listId;
    }

    public TestUser Author { get; }
    public TestUser Follower { get; }
    public TestUser Other { get; }
    public string Tag { get; }
    public string ListId { get; }
    public IReadOnlyList<StreamProbe> Probes => _probes;

    public StreamProbe this[string name] => _probes.Single(p => p.Name == name);

    public static async Task<StreamScene> OpenAsync(FediCluster cluster)
    {
        var author = await cluster.Users.SignUpAsync();
        var follower = await cluster.Users.SignUpAsync();
        var other = await cluster.Users.SignUpAsync();
        (await follower.Client.PostFormAsync($"/api/v1/accounts/{author.AccountId}/follow", [])).EnsureSuccess();
        var list = (await follower.Client.PostFormAsync("/api/v1/lists", [new("title", "Watching")])).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
        (await follower.Client.PostFormAsync($"/api/v1/lists/{list}/accounts", [new("account_ids[]", author.AccountId)])).EnsureSuccess();
        // The list feed exists from now on, so fan-out writes into it (missing feeds are rebuilt on read instead).
        (await follower.Client.GetAsync($"/api/v1/timelines/list/{list}")).EnsureSuccess();

        var scene = new StreamScene(author, follower, other, RandomNames.Unique("Scene"), list);
        try
        {
            await scene.OpenAllAsync(cluster);
        }
        catch
        {
            await scene.DisposeAsync();
            throw;
        }
        return scene;
    }

    /// <summary>Posts as <paramref name="user"/>; returns the status id.</summary>
    public static async Task<string> PostAsync(TestUser user, string text, string visibility) =>
        (await user.Client.PostFormAsync("/api/v1/statuses", [new("status", text), new("visibility", visibility)]))
            .EnsureSuccess().RequireJson()["id"]!.GetValue<string>();

    /// <summary>
    /// Posts one sentinel that reaches each probe's stream: a public tagged post by the author (user, list, public,
    /// hashtag streams), a direct one to the others (direct streams), and one by the other person (their user stream).
    /// </summary>
    public async Task<IReadOnlyList<string>> PostSentinelsAsync() =>
    [
        await PostAsync(Author, $"sentinel #{Tag}", "public"),
        await PostAsync(Author, $"@{Follower.Username} @{Other.Username} sentinel", "direct"),
        await PostAsync(Other, "sentinel", "unlisted"),
    ];

    private async Task OpenAllAsync(FediCluster cluster)
    {
        var tagQuery = new Dictionary<string, string> { ["tag"] = Tag.ToUpperInvariant() };
        await OpenAsync(cluster, "author:user", Author, "user");
        await OpenAsync(cluster, "author:direct", Author, "direct");
        await OpenAsync(cluster, "follower:user", Follower, "user");
        await OpenAsync(cluster, "follower:list", Follower, "list", new Dictionary<string, string> { ["list"] = ListId });
        await OpenAsync(cluster, "follower:direct", Follower, "direct");
        await OpenAsync(cluster, "other:user", Other, "user");
        await OpenAsync(cluster, "other:direct", Other, "direct");
        await OpenAsync(cluster, "other:public", Other, "public");
        await OpenAsync(cluster, "other:public:local", Other, "public:local");
        await OpenAsync(cluster, "other:hashtag", Other, "hashtag", tagQuery);
        await OpenAsync(cluster, "other:hashtag:local", Other, "hashtag:local", tagQuery);
        await WaitUntilAnnouncedAsync(cluster,
            [$"timeline:{Author.AccountId}", $"timeline:{Follower.AccountId}", $"timeline:{Other.AccountId}", $"timeline:list:{ListId}"]);
    }

    private async Task OpenAsync(FediCluster cluster, string name, TestUser viewer, string stream, Dictionary<string, string>? query = null) =>
        _probes.Add(new StreamProbe(name, await WebSocketClient.ConnectAsync(cluster.StreamingUrl, viewer.Token, stream, extraQuery: query)));

    /// <summary>Producers push per-user and list events only where <c>subscribed:&lt;channel&gt;</c> exists.</summary>
    private static async Task WaitUntilAnnouncedAsync(FediCluster cluster, IReadOnlyList<string> channels)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionUrls.ParseRedis(cluster.Environment["REDIS_URL"]));
        var deadline = DateTime.UtcNow + StreamProbe.Deadline;
        foreach (var channel in channels)
        {
            while (!await redis.GetDatabase().KeyExistsAsync($"{cluster.RedisNamespace}:subscribed:{channel}"))
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"subscribed:{channel} never appeared");
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var probe in _probes) await probe.DisposeAsync();
    }
}
