using System.Net.Http.Headers;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>Requests as a peer sends them: asking for ActivityPub JSON.</summary>
public static class FederationRequests
{
    public const string ActivityJson = "application/activity+json";

    public static Task<ApiResponse> GetActivityAsync(this ApiClient client, string pathOrUrl, string accept = ActivityJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUrl) : client.Absolute(pathOrUrl));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return client.SendAsync(request);
    }

    /// <summary>LOCAL_DOMAIN, the domain in every handle and URI (the web URL the tests call may be a different host name).</summary>
    public static string Domain(this FediCluster cluster) => cluster.Environment["LOCAL_DOMAIN"];

    /// <summary>The base of every local URI the instance writes.</summary>
    public static string Base(this FediCluster cluster) => $"http://{cluster.Domain()}";
}
