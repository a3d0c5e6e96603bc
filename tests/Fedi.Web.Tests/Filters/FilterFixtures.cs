using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Filters;

/// <summary>Creating filters as a client does, and reading what the filtered reader sees.</summary>
public static class FilterFixtures
{
    public static Task<ApiResponse> CreateFilterAsync(TestUser owner, string title, string action, string[] context, params (string Keyword, bool WholeWord)[] keywords)
    {
        var body = new JsonObject
        {
            ["title"] = title,
            ["filter_action"] = action,
            ["context"] = new JsonArray(context.Select(c => (JsonNode)c).ToArray()),
            ["keywords_attributes"] = new JsonArray(keywords.Select(k => (JsonNode)new JsonObject { ["keyword"] = k.Keyword, ["whole_word"] = k.WholeWord }).ToArray()),
        };
        return owner.Client.PostJsonAsync("/api/v2/filters", body);
    }

    public static async Task<JsonNode?> InHomeAsync(TestUser reader, string statusId) =>
        (await reader.Client.GetAsync("/api/v1/timelines/home")).EnsureSuccess().RequireJson().AsArray().FirstOrDefault(s => s.Text("id") == statusId);
}
