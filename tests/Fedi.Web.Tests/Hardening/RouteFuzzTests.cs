using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Fedi.Testing;

namespace Fedi.Web.Tests.Hardening;

/// <summary>
/// Every route of the route table (so a new route is covered without an edit), each malformed input, anonymous and
/// with a token of every scope: never a 500, an error in Mastodon's shape, and no row written.
/// </summary>
[NonParallelizable] // its own instance and database, so the row counts see only its requests
public sealed class RouteFuzzTests
{
    // Rows a malformed request must never create.
    private static readonly string[] Tables =
        ["statuses", "accounts", "users", "lists", "oauth_applications", "oauth_access_tokens", "oauth_access_grants"];

    private FediCluster? _cluster;

    [OneTimeSetUp]
    public async Task StartAsync() => _cluster = await WebCluster.StartWebOnlyAsync([]);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Malformed_input_on_every_route_is_never_a_500_always_a_JSON_error_and_writes_no_row()
    {
        var cluster = _cluster!;
        var user = await cluster.Users.SignUpAsync();
        var status = (await user.Client.PostJsonAsync("/api/v1/statuses", new { status = "fuzz" })).EnsureSuccess().RequireJson()["id"]!.ToString();
        var list = (await user.Client.PostJsonAsync("/api/v1/lists", new { title = "fuzz" })).EnsureSuccess().RequireJson()["id"]!.ToString();
        var before = await CountRowsAsync(cluster);

        var routes = await RouteTable.AllAsync();
        ApiClient[] clients = [cluster.Api, user.Client];
        var requests = (from route in routes
                        from method in route.Method == "*" ? ["GET", "POST"] : new[] { route.Method }
                        from input in FuzzInputs.All
                        from client in clients
                        select (route, method, input, client)).ToList();
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) =>
        {
            var path = r.route.Path(r.input.Id ?? ExistingId(r.route, user.AccountId, status, list));
            var response = await r.client.SendAsync(Request(r.client, r.method, path, r.input), ct);
            if (Problem(r.route, r.input, response) is { } problem)
                wrong.Add($"{r.method} {path} [{r.input}] {(r.client.AccessToken is null ? "anonymous" : "token")}: {problem}");
        });

        Assert.That(requests, Has.Count.GreaterThan(2000));
        Assert.That(wrong.Order().Take(40), Is.Empty, $"{wrong.Count} answers out of {requests.Count} were wrong");
        var after = await CountRowsAsync(cluster);
        Assert.That(Tables.Where(t => after[t] > before[t]).Select(t => $"{t}: {before[t]} → {after[t]}"), Is.Empty, "rows written by malformed requests");
    }

    /// <summary>An id of the right resource, so a request gets past the lookup as far as its input lets it.</summary>
    private static string ExistingId(RouteEntry route, string account, string status, string list) =>
        route.Template.Split('/') switch
        {
            [_, "api", _, "accounts", ..] => account,
            [_, "api", _, "statuses", ..] => status,
            [_, "api", _, "lists", ..] or [_, "api", _, "timelines", "list", ..] => list,
            [_, "api", _, "timelines", "tag", ..] => "fuzz",
            _ => "1",
        };

    private static HttpRequestMessage Request(ApiClient client, string method, string path, FuzzInput input)
    {
        var query = input.Query.Length == 0 ? "" : (path.Contains('?') ? "&" : "?") + input.Query;
        var request = new HttpRequestMessage(new HttpMethod(method), client.Absolute(path + query));
        if (input.Body is not null)
        {
            request.Content = new ByteArrayContent(input.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType!);
        }
        return request;
    }

    /// <summary>Null when the answer is acceptable: a success or redirect, or a client error with an <c>error</c>
    /// (in JSON; the browser pages of sign-in answer in HTML).</summary>
    private static string? Problem(RouteEntry route, FuzzInput input, ApiResponse response)
    {
        if (response.Status >= 500) return $"{response.Status} {Trim(response.Body)}";
        if (response.Status < 400) return null;
        if (input.BareBadRequest && response.Status == 400 && response.Body.Length == 0) return null;
        var page = route.Template.StartsWith("/oauth/authorize", StringComparison.Ordinal) || route.Template.StartsWith("/auth/", StringComparison.Ordinal);
        if (page && response.ContentHeaders.ContentType?.MediaType == "text/html") return null;
        return response.Json is JsonObject { } body && body["error"] is not null ? null : $"{response.Status} without a JSON error: {Trim(response.Body)}";
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] : body;

    private static async Task<Dictionary<string, long>> CountRowsAsync(FediCluster cluster)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables) counts[table] = await Rows.CountAsync(cluster, $"SELECT count(*) FROM {table}");
        return counts;
    }
}
