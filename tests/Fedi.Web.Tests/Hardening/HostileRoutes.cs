using Fedi.Testing;

namespace Fedi.Web.Tests.Hardening;

/// <summary>One route of the client API, as a hostile client reaches it: a method and a path with real ids.</summary>
public sealed record HostileRoute(HttpMethod Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Routes of every shape (anonymous and signed-in; no id, an id, a nested id; GET, POST, PUT, DELETE; form-,
/// JSON- and query-driven), with ids that exist, so a request gets as far as the route would let it.
/// </summary>
public static class HostileRoutes
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (TestUser User, IReadOnlyList<HostileRoute> Routes)? _made;

    public static async Task<(TestUser User, IReadOnlyList<HostileRoute> Routes)> AllAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(TestUser, IReadOnlyList<HostileRoute>)> MakeAsync()
    {
        var user = await WebCluster.Cluster.Users.SignUpAsync();
        var list = (await user.Client.PostJsonAsync("/api/v1/lists", new { title = "hostile" })).EnsureSuccess().RequireJson()["id"]!.ToString();
        var status = (await user.Client.PostJsonAsync("/api/v1/statuses", new { status = "hostile" })).EnsureSuccess().RequireJson()["id"]!.ToString();
        var account = user.AccountId;
        HostileRoute[] routes =
        [
            new(HttpMethod.Get, "/api/v1/accounts/lookup?acct=someone"),
            new(HttpMethod.Post, "/api/v1/accounts"),
            new(HttpMethod.Post, "/api/v1/apps"),
            new(HttpMethod.Get, "/auth/confirmation?confirmation_token=abc"),
            new(HttpMethod.Get, "/oauth/authorize?response_type=code&client_id=abc"),
            new(HttpMethod.Post, "/oauth/token"),
            new(HttpMethod.Post, "/oauth/revoke"),
            new(HttpMethod.Get, "/api/v1/timelines/public?local=true"),
            new(HttpMethod.Get, "/api/v1/timelines/tag/hostile"),
            new(HttpMethod.Get, $"/api/v1/accounts/{account}/statuses"),
            new(HttpMethod.Get, "/api/v1/timelines/home"),
            new(HttpMethod.Get, "/api/v1/lists"),
            new(HttpMethod.Post, "/api/v1/lists"),
            new(HttpMethod.Put, $"/api/v1/lists/{list}"),
            new(HttpMethod.Post, $"/api/v1/lists/{list}/accounts"),
            new(HttpMethod.Delete, $"/api/v1/lists/{list}/accounts"),
            new(HttpMethod.Post, "/api/v1/statuses"),
            new(HttpMethod.Get, $"/api/v1/statuses/{status}"),
            new(HttpMethod.Get, "/api/v1/accounts/relationships?id=1"),
            new(HttpMethod.Post, "/api/v1/domain_blocks"),
            new(HttpMethod.Get, "/api/v1/blocks"),
        ];
        return (user, routes);
    }
}
