using System.Text.Json.Nodes;
using Fedi.Testing;
using Npgsql;

namespace Fedi.Web.Tests.Statuses;

/// <summary>Small helpers the status and timeline tests share.</summary>
public static class StatusFixtures
{
    public static async Task<string> PostAsync(TestUser author, string text, string visibility = "public", string? inReplyTo = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("status", text), new("visibility", visibility) };
        if (inReplyTo is not null) form.Add(new("in_reply_to_id", inReplyTo));
        var response = await author.Client.PostFormAsync("/api/v1/statuses", form);
        return response.EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
    }

    public static async Task FollowAsync(TestUser follower, TestUser target) =>
        (await follower.Client.PostFormAsync($"/api/v1/accounts/{target.AccountId}/follow", [])).EnsureSuccess();

    public static IReadOnlyList<string> Ids(ApiResponse response) =>
        response.EnsureSuccess().RequireJson().AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

    /// <summary>Statuses the account has in the database, deleted or not: proves nothing was written.</summary>
    public static async Task<long> CountStatusRowsAsync(FediCluster cluster, string accountId)
    {
        await using var conn = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM statuses WHERE account_id = @id", conn);
        command.Parameters.AddWithValue("id", long.Parse(accountId, System.Globalization.CultureInfo.InvariantCulture));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static string Error(ApiResponse response) => response.RequireJson()["error"]!.GetValue<string>();

    public static JsonNode Json(ApiResponse response) => response.EnsureSuccess().RequireJson();
}
