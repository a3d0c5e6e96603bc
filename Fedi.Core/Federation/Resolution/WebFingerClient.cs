using System.Net.Http.Headers;
using System.Text.Json;
using Fedi.Core.Configuration;
using Fedi.Core.Federation.Fetching;

namespace Fedi.Core.Federation.Resolution;

/// <summary>
/// Asks a host's WebFinger for the actor behind <c>acct:user@host</c> (Mastodon's Webfinger class). https first;
/// plain http only as a fallback when FEDERATION_ALLOW_HTTP allows it, as for every other remote request.
/// </summary>
public sealed class WebFingerClient(GuardedHttpClient http, FederationOptions options)
{
    private static readonly string[] ActorMediaTypes =
        ["application/activity+json", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""];

    /// <summary>The actor URI of the <c>rel=self</c> link, or null when the host does not know the account.</summary>
    public async Task<string?> FindActorUriAsync(string username, string domain, CancellationToken ct = default)
    {
        var resource = Uri.EscapeDataString($"acct:{username}@{domain}");
        string[] schemes = options.AllowHttp ? ["https", "http"] : ["https"];
        foreach (var scheme in schemes)
        {
            if (!Uri.TryCreate($"{scheme}://{domain}/.well-known/webfinger?resource={resource}", UriKind.Absolute, out var url)) return null;
            try
            {
                var response = await http.SendAsync(url, hop =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, hop);
                    request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/jrd+json"));
                    request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
                    return request;
                }, ct);
                // An answer, even a 404, is the host's word: another scheme would not say otherwise.
                return response.IsSuccess ? SelfLink(response.Body) : null;
            }
            catch (Exception e) when (e is HttpRequestException or RemoteRequestException { Permanent: false } && !ct.IsCancellationRequested)
            {
                // Unreachable over this scheme; the next one (if allowed) may answer.
            }
        }
        return null;
    }

    private static string? SelfLink(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array) return null;
            foreach (var link in links.EnumerateArray())
            {
                if (link.ValueKind != JsonValueKind.Object || Str(link, "rel") != "self" || Str(link, "href") is not { } href) continue;
                if (Str(link, "type") is { } type && !ActorMediaTypes.Contains(type)) continue;
                if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") return href;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
