using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>An instance with web and worker allowed to reach loopback over http, where fake peers are served, and the
/// steps every federation test takes with it.</summary>
public static class FederatingCluster
{
    public static Task<FediCluster> StartAsync() => FediCluster.StartAsync(WebCluster.Postgres, WebCluster.Redis, new FediClusterOptions
    {
        Tiers = FediTiers.Web | FediTiers.Worker,
        ExtraEnvironment = new Dictionary<string, string> { ["ALLOWED_PRIVATE_ADDRESSES"] = "127.0.0.0/8, ::1", ["FEDERATION_ALLOW_HTTP"] = "true" },
    });

    /// <summary>A Follow of <paramref name="target"/> by the remote actor <paramref name="username"/> (default: the server's first).</summary>
    public static JsonObject Follow(this FediCluster cluster, RemoteActorServer remote, TestUser target, string? username = null) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = remote.NewId("follows"),
        ["type"] = "Follow",
        ["actor"] = remote.ActorUriOf(username ?? remote.Username),
        ["object"] = $"{cluster.Base()}/users/{target.Username}",
    };

    public static async Task<JsonArray> FollowersAsync(TestUser user) =>
        (await user.Client.GetAsync($"/api/v1/accounts/{user.AccountId}/followers")).EnsureSuccess().RequireJson().AsArray();

    /// <summary>The remote actor follows <paramref name="target"/>; its account id here, once it is a follower.</summary>
    public static async Task<string> FollowedByAsync(this FediCluster cluster, RemoteActorServer remote, TestUser target, string? username = null)
    {
        var follow = cluster.Follow(remote, target, username);
        Assert.That((await remote.PostAsync(cluster.Api, $"/users/{target.Username}/inbox", follow, username)).Status, Is.EqualTo(202));
        var acct = $"{username ?? remote.Username}@{remote.Domain}";
        var follower = await Eventually.ValueAsync(async () => (await FollowersAsync(target)).FirstOrDefault(a => (string?)a!["acct"] == acct),
            "the remote follower is listed");
        return (string)follower!["id"]!;
    }

    /// <summary>The first activity of <paramref name="type"/> the peer received with a verified signature.</summary>
    public static Task<ReceivedDelivery> VerifiedArrivalAsync(this RemoteActorServer remote, string type, Func<ReceivedDelivery, bool>? where = null) =>
        Eventually.ValueAsync(() => Task.FromResult(remote.Verified(type).FirstOrDefault(d => where?.Invoke(d) ?? true)),
            $"a signed {type} reached the peer");

    /// <summary>The peer answers a Follow it received with <paramref name="type"/> (Accept or Reject), embedding it as Mastodon does.</summary>
    public static async Task AnswerAsync(this FediCluster cluster, RemoteActorServer remote, JsonNode follow, string type)
    {
        var answer = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams",
            ["id"] = remote.NewId(type.ToLowerInvariant()),
            ["type"] = type,
            ["actor"] = remote.ActorUri,
            ["object"] = follow.DeepClone(),
        };
        Assert.That((await remote.PostAsync(cluster.Api, "/inbox", answer)).Status, Is.EqualTo(202));
    }

    public static async Task<JsonNode> RelationshipAsync(TestUser user, string accountId) =>
        (await user.Client.GetAsync($"/api/v1/accounts/relationships?id[]={accountId}")).EnsureSuccess().RequireJson().AsArray()[0]!;
}
