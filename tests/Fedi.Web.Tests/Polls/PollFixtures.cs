using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Polls;

/// <summary>Posting a poll and voting in it as a client does.</summary>
public static class PollFixtures
{
    public static Task<ApiResponse> PostPollAsync(TestUser author, string[] options, int expiresIn = 600, bool multiple = false,
        bool hideTotals = false, string visibility = "public")
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("status", "Which one?"), new("visibility", visibility), new("poll[expires_in]", expiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("poll[multiple]", multiple ? "true" : "false"), new("poll[hide_totals]", hideTotals ? "true" : "false"),
        };
        form.AddRange(options.Select(o => new KeyValuePair<string, string>("poll[options][]", o)));
        return author.Client.PostFormAsync("/api/v1/statuses", form);
    }

    /// <summary>A poll's status, returning the status JSON.</summary>
    public static async Task<JsonNode> CreatePollAsync(TestUser author, int expiresIn = 600, bool multiple = false, bool hideTotals = false) =>
        (await PostPollAsync(author, ["tea", "coffee", "water"], expiresIn, multiple, hideTotals)).EnsureSuccess().RequireJson();

    public static Task<ApiResponse> VoteAsync(TestUser voter, string pollId, params int[] choices) =>
        voter.Client.PostFormAsync($"/api/v1/polls/{pollId}/votes",
            choices.Select(c => new KeyValuePair<string, string>("choices[]", c.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static long[] OptionCounts(JsonNode poll) =>
        poll["options"]!.AsArray().Select(o => o!["votes_count"]!.GetValue<long>()).ToArray();
}
