using Fedi.Testing;
using Fedi.Web.Tests.Hardening;

namespace Fedi.Web.Tests.OAuth;

/// <summary>Every route says who may call it, and a token without the declared scope is refused before anything else.</summary>
public sealed class RouteScopeTests
{
    private const string OutsideScopes = "This action is outside the authorized scopes";
    private static FediCluster Cluster => WebCluster.Cluster;

    private static async Task<(TestUser User, ApiClient Client)> UserWithScopesAsync(string scopes)
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync("read write follow push profile");
        return (user, Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, user.Email, user.Password, scopes)));
    }

    [Test]
    public async Task Every_route_declares_who_may_call_it()
    {
        var routes = await RouteTable.AllAsync();

        Assert.That(routes, Has.Count.GreaterThan(40), "the route table was not read");
        Assert.That(routes.Where(r => r.Kind == "none").Select(r => r.ToString()), Is.Empty, "routes without a scope declaration");
        Assert.That(routes, Has.Some.Matches<RouteEntry>(r => r.Template == "/api/v1/statuses/{id}" && r.Kind == "if-token" && r.Scopes.Contains("read:statuses")));
    }

    [Test]
    public async Task Each_declared_scope_is_refused_to_a_token_without_it()
    {
        var (_, push) = await UserWithScopesAsync("push");
        var (_, read) = await UserWithScopesAsync("read");
        var scoped = (await RouteTable.CallableAsync()).Where(r => r.Scopes.Count > 0).ToList();
        Assert.That(scoped, Is.Not.Empty);

        var failures = new List<string>();
        foreach (var route in scoped)
        {
            var client = route.Scopes.Any(s => s == "push" || s.StartsWith("push:", StringComparison.Ordinal)) ? read : push;
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), client.Absolute(route.Path())));
            if (response.Status != 403 || response.Json?["error"]?.ToString() != OutsideScopes) failures.Add($"{route}: {response.Status} {response.Body}");
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_push_token_of_the_recipient_cannot_read_a_direct_message_and_a_read_statuses_token_can()
    {
        var sender = await Cluster.Users.SignUpAsync();
        var (recipient, push) = await UserWithScopesAsync("push");
        var app = await Cluster.Users.RegisterAppAsync("read write follow push profile");
        var reader = Cluster.Api.WithToken(await Cluster.Users.PasswordTokenAsync(app, recipient.Email, recipient.Password, "read:statuses"));
        var id = (await sender.Client.PostJsonAsync("/api/v1/statuses", new { status = $"@{recipient.Username} secret", visibility = "direct" }))
            .EnsureSuccess().RequireJson()["id"]!.ToString();

        (await push.GetAsync($"/api/v1/statuses/{id}")).AssertError(403, OutsideScopes);
        Assert.That((await reader.GetAsync($"/api/v1/statuses/{id}")).EnsureSuccess().RequireJson()["content"]!.ToString(), Does.Contain("secret"));
    }

    [TestCase("push")]
    [TestCase("profile")]
    [TestCase("write")]
    [TestCase("write:statuses")]
    public async Task Status_reads_are_refused_to_a_token_without_read_statuses(string scopes)
    {
        var (user, client) = await UserWithScopesAsync(scopes);

        (await client.GetAsync("/api/v1/statuses/1")).AssertError(403, OutsideScopes);
        (await client.GetAsync($"/api/v1/accounts/{user.AccountId}/statuses")).AssertError(403, OutsideScopes);
        (await client.GetAsync("/api/v1/timelines/public")).AssertError(403, OutsideScopes);
        (await client.GetAsync("/api/v1/timelines/tag/fedi")).AssertError(403, OutsideScopes);
        (await Cluster.Api.GetAsync("/api/v1/timelines/public")).EnsureSuccess();
    }
}
