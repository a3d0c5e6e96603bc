namespace Fedi.Benchmarks.Load;

/// <summary>One kind of request in the mix, its share of the rate, and how to make it.</summary>
public sealed record RequestKind(string Name, double Weight, Func<LoadScene, Random, Task<int>> Send)
{
    /// <summary>The mix: mostly reading, as people do; <c>health</c> is the in-run baseline (no database, no Redis),
    /// so each kind's latency can be read as a ratio to what the same machine gives for nothing.</summary>
    public static IReadOnlyList<RequestKind> Mix(bool favourites) =>
    [
        new("home", 40, async (scene, random) => (await scene.RandomUser(random).GetAsync("/api/v1/timelines/home")).Status),
        new("public", 20, async (scene, random) => (await scene.RandomUser(random).GetAsync("/api/v1/timelines/public?local=true")).Status),
        new("post", 15, (scene, random) => scene.PostAsync(random)),
        .. favourites ? [new RequestKind("favourite", 10, (scene, random) => scene.FavouriteAsync(random))] : Array.Empty<RequestKind>(),
        new("health", 10, (scene, _) => scene.HealthAsync()),
    ];
}
