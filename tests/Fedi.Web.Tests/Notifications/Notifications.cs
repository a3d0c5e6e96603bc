using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Notifications;

/// <summary>What a user does to cause notifications, and reading them back as the recipient's app does.</summary>
public static class Notifications
{
    private static FediCluster Cluster => WebCluster.Cluster;

    public static async Task<string> PostAsync(TestUser author, string text, string visibility = "public")
    {
        var status = (await author.Client.PostFormAsync("/api/v1/statuses", [new("status", text), new("visibility", visibility)]))
            .EnsureSuccess().RequireJson();
        return status.Text("id");
    }

    public static async Task FollowAsync(TestUser follower, TestUser target, bool notify = false) =>
        (await follower.Client.PostFormAsync($"/api/v1/accounts/{target.AccountId}/follow", [new("notify", notify ? "true" : "false")])).EnsureSuccess();

    public static async Task<JsonArray> ListAsync(TestUser recipient, string query = "") =>
        (await recipient.Client.GetAsync($"/api/v1/notifications{query}")).EnsureSuccess().RequireJson().AsArray();

    /// <summary>Waits until the recipient has a notification of <paramref name="type"/> from <paramref name="from"/>.</summary>
    public static Task<JsonNode> WaitForAsync(TestUser recipient, string type, TestUser from) =>
        Eventually.ValueAsync(async () => (await ListAsync(recipient)).FirstOrDefault(n =>
            n.Text("type") == type && n!["account"].Text("id") == from.AccountId), $"a {type} notification from {from.Username}");

    public static async Task<IReadOnlyList<string>> TypesFromAsync(TestUser recipient, TestUser from) =>
        (await ListAsync(recipient)).Where(n => n!["account"].Text("id") == from.AccountId).Select(n => n.Text("type")).ToList();

    /// <summary>A status by <paramref name="author"/> mentioning <paramref name="witness"/> too: once the witness is notified, the fan-out ran.</summary>
    public static async Task<string> MentionWithWitnessAsync(TestUser author, TestUser recipient, TestUser witness)
    {
        var id = await PostAsync(author, $"@{recipient.Username} @{witness.Username} hello");
        await WaitForAsync(witness, "mention", author);
        await Task.Delay(300);
        return id;
    }

    public static Task<TestUser> SignUpAsync() => Cluster.Users.SignUpAsync();
}
