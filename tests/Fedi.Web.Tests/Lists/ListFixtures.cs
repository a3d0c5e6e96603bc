using Fedi.Testing;

namespace Fedi.Web.Tests.Lists;

/// <summary>Helpers the list tests share.</summary>
public static class ListFixtures
{
    public static async Task<string> CreateListAsync(TestUser owner, string title = "Friends", string? repliesPolicy = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("title", title) };
        if (repliesPolicy is not null) form.Add(new("replies_policy", repliesPolicy));
        return (await owner.Client.PostFormAsync("/api/v1/lists", form)).EnsureSuccess().RequireJson()["id"]!.GetValue<string>();
    }

    public static Task<ApiResponse> AddMembersAsync(TestUser owner, string listId, params TestUser[] members) =>
        owner.Client.PostFormAsync($"/api/v1/lists/{listId}/accounts", members.Select(m => new KeyValuePair<string, string>("account_ids[]", m.AccountId)));

    public static async Task<IReadOnlyList<string>> MemberIdsAsync(TestUser owner, string listId) =>
        (await owner.Client.GetAsync($"/api/v1/lists/{listId}/accounts")).EnsureSuccess().RequireJson().AsArray()
            .Select(a => a!["id"]!.GetValue<string>()).ToList();
}
