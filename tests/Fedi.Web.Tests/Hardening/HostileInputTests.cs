using System.Net.Http.Headers;
using System.Text;
using Fedi.Testing;

namespace Fedi.Web.Tests.Hardening;

/// <summary>
/// Input any anonymous client can send is the client's fault on every route: 400 when it cannot be decoded,
/// 422 when it decodes to text PostgreSQL cannot store (U+0000). Never a 500, never a 503.
/// </summary>
public sealed class HostileInputTests
{
    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData("""{"status":"\ud800","title":"\ud800","client_name":"\udfff"}""", "application/json", 400)
            .SetName("A lone surrogate escape in a JSON string is a 400");
        yield return new TestCaseData("""{"status":"a\u0000b","title":"a\u0000b","client_name":"a\u0000b","username":"a\u0000b"}""", "application/json", 422)
            .SetName("A NUL escape in a JSON string is a 422");
        // ASP.NET's form reader refuses a NUL itself, as a malformed body.
        yield return new TestCaseData("status=a%00b&title=a%00b&client_name=a%00b&username=a%00b", "application/x-www-form-urlencoded", 400)
            .SetName("A NUL byte in a form field is a 400");
        yield return new TestCaseData("status=%2BAGEAYgBj-&title=x", "application/x-www-form-urlencoded; charset=utf-7", 400)
            .SetName("A form body in UTF-7 is a 400");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Every_route_rejects_a_body_as_the_client_s_fault(string body, string contentType, int status)
    {
        await EveryRouteAnswersAsync(status, route => WithBody(route, Encoding.UTF8.GetBytes(body), contentType));
    }

    [Test]
    public async Task Invalid_UTF_8_inside_a_JSON_string_is_a_400_on_every_route()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"status\":\"a"), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\",\"title\":\"x\"}")];
        await EveryRouteAnswersAsync(400, route => WithBody(route, body, "application/json"));
    }

    [Test]
    public async Task A_JSON_body_on_a_GET_fails_the_same_way_as_on_a_POST()
    {
        var (user, _) = await HostileRoutes.AllAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, user.Client.Absolute("/api/v1/lists"))
        {
            Content = new ByteArrayContent("""{"a":"\ud800"}"""u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };

        var response = await user.Client.SendAsync(request);

        response.AssertError(400, "Error occurred while parsing request parameters: malformed JSON");
    }

    [Test]
    public async Task A_NUL_byte_in_a_query_string_is_a_422_on_every_route()
    {
        await EveryRouteAnswersAsync(422, route =>
            new HttpRequestMessage(route.Method, route.Path + (route.Path.Contains('?') ? "&" : "?") + "acct=a%00b&q=%00&max_id=1%00"));
    }

    [Test]
    public async Task The_smallest_int_as_a_limit_is_read_as_the_largest_page()
    {
        var (user, _) = await HostileRoutes.AllAsync();
        string[] paginated = ["/api/v1/timelines/public", "/api/v1/timelines/home", "/api/v1/blocks", $"/api/v1/accounts/{user.AccountId}/statuses"];
        foreach (var path in paginated)
        {
            var response = await user.Client.GetAsync($"{path}?limit=-2147483648");
            Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        }
    }

    private static HttpRequestMessage WithBody(HostileRoute route, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(route.Method, route.Path) { Content = content };
    }

    /// <summary>Sends one request per route, as the signed-in user so that no route stops it at a 401 first.</summary>
    private static async Task EveryRouteAnswersAsync(int status, Func<HostileRoute, HttpRequestMessage> request)
    {
        var (user, routes) = await HostileRoutes.AllAsync();
        var answers = await Task.WhenAll(routes.Select(async route =>
        {
            var message = request(route);
            message.RequestUri = user.Client.Absolute(message.RequestUri!.OriginalString);
            return (route, response: await user.Client.SendAsync(message));
        }));
        var wrong = answers
            .Where(a => a.response.Status != status || a.response.Json?["error"] is null)
            .Select(a => $"{a.route} → {a.response.Status} {a.response.Body}")
            .ToList();
        Assert.That(wrong, Is.Empty, $"Routes not answering {status} with an error body");
    }
}
