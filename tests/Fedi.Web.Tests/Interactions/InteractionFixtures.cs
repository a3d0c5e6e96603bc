using System.Text.Json.Nodes;
using Fedi.Testing;
using static Fedi.Web.Tests.Statuses.StatusFixtures;

namespace Fedi.Web.Tests.Interactions;

/// <summary>Helpers the interaction tests share.</summary>
public static class InteractionFixtures
{
    public static async Task<JsonNode> ActAsync(TestUser user, string statusId, string action) =>
        Json(await user.Client.PostFormAsync($"/api/v1/statuses/{statusId}/{action}", []));

    public static async Task<JsonNode> ShowAsync(TestUser user, string statusId) =>
        Json(await user.Client.GetAsync($"/api/v1/statuses/{statusId}"));

    public static async Task<IReadOnlyList<JsonNode>> HomeAsync(TestUser user) =>
        Json(await user.Client.GetAsync("/api/v1/timelines/home?limit=40")).AsArray().Select(s => s!).ToList();

    /// <summary>Gives the user a home feed that exists (an own post), so fan-out writes into it rather than leaving it to a rebuild.</summary>
    public static async Task<string> StartHomeAsync(TestUser user)
    {
        var own = await PostAsync(user, "hello from " + user.Username);
        await HomeAsync(user);
        return own;
    }

    public static async Task<IReadOnlyList<JsonNode>> HomeHoldingAsync(TestUser user, string statusId, string what) =>
        await Eventually.ValueAsync(async () =>
        {
            var home = await HomeAsync(user);
            return home.Any(s => s["id"]!.GetValue<string>() == statusId) ? home : null;
        }, what);

    public static string Id(JsonNode status) => status["id"]!.GetValue<string>();
}
