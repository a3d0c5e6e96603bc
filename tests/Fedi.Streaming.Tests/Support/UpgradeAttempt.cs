using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Fedi.Streaming.Tests.Support;

/// <summary>A WebSocket upgrade request sent with HttpClient, to see a refusal's status, headers and body.</summary>
public static class UpgradeAttempt
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Answer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers);

    public static async Task<Answer> SendAsync(string streamingUrl, string pathAndQuery, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, streamingUrl.TrimEnd('/') + pathAndQuery);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        headers?.Invoke(request.Headers);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = response.StatusCode == HttpStatusCode.SwitchingProtocols ? "" : await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body, response.Headers);
    }
}
