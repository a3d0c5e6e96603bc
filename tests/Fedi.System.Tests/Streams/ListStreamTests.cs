using Fedi.Testing;

namespace Fedi.System.Tests.Streams;

/// <summary>Only a list's owner may stream it (Mastodon checks ownership at subscribe time).</summary>
public sealed class ListStreamTests
{
    private const string NotAuthorized = """{"error":"Not authorized to stream this list","status":401}""";

    [Test]
    public async Task Someone_elses_or_an_unknown_list_is_refused_on_both_transports_and_the_owners_is_not()
    {
        var cluster = SystemCluster.Cluster;
        var owner = await cluster.Users.SignUpAsync();
        var mallory = await cluster.Users.SignUpAsync();
        var list = (await owner.Client.PostFormAsync("/api/v1/lists", [new("title", "Mine")])).EnsureSuccess().RequireJson()["id"]!.ToString();

        await using var socket = await WebSocketClient.ConnectAsync(cluster.StreamingUrl, mallory.Token, "list", extraQuery: new Dictionary<string, string> { ["list"] = list });
        var refusedOnConnect = await socket.ReceiveJsonAsync(StreamProbe.Deadline);
        await socket.SendJsonAsync(new { type = "subscribe", stream = "list", list = "999999999" });
        var refusedUnknown = await socket.ReceiveJsonAsync(StreamProbe.Deadline);
        var sse = await SseStatusAsync(cluster, mallory.Token, list);
        var ownersSse = await SseStatusAsync(cluster, owner.Token, list);

        Assert.That(refusedOnConnect.ToJsonString(), Is.EqualTo(NotAuthorized));
        Assert.That(refusedUnknown.ToJsonString(), Is.EqualTo(NotAuthorized));
        Assert.That(sse, Is.EqualTo((401, """{"error":"Not authorized to stream this list"}""")));
        Assert.That(ownersSse.Status, Is.EqualTo(200));
    }

    /// <summary>Status and, for errors, the body of <c>GET /api/v1/streaming/list?list=</c>; a stream is closed once its headers came.</summary>
    private static async Task<(int Status, string Body)> SseStatusAsync(FediCluster cluster, string token, string list)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{cluster.StreamingUrl.TrimEnd('/')}/api/v1/streaming/list?list={list}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = (int)response.StatusCode == 200 ? "" : await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body);
    }
}
