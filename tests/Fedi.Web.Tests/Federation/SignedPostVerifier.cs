using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Fedi.Core.Federation.Signatures;

namespace Fedi.Web.Tests.Federation;

/// <summary>Checks a POST a fake peer received as Mastodon would: Digest, Date window, and the RSA signature against the
/// key its keyId names, fetched from the signer's actor document (once per key).</summary>
public sealed class SignedPostVerifier
{
    private static readonly HttpClient KeyFetcher = new();
    private readonly ConcurrentDictionary<string, string> _publicKeys = new(StringComparer.Ordinal);

    public async Task<(string? KeyId, bool Verified)> VerifyAsync(HttpListenerRequest request, byte[] body)
    {
        var headers = request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k]!, StringComparer.Ordinal);
        try
        {
            var claim = SignatureVerifier.Check(new SignedRequest("POST", request.Url!, headers, body), DateTimeOffset.UtcNow);
            var pem = await PublicKeyAsync(claim.KeyId);
            return (claim.KeyId, pem is not null && claim.VerifiesWith(pem));
        }
        catch (SignatureException)
        {
            return (null, false);
        }
    }

    private async Task<string?> PublicKeyAsync(string keyId)
    {
        if (_publicKeys.TryGetValue(keyId, out var known)) return known;
        var request = new HttpRequestMessage(HttpMethod.Get, keyId.Split('#')[0]);
        request.Headers.Accept.ParseAdd("application/activity+json");
        using var response = await KeyFetcher.SendAsync(request);
        if (!response.IsSuccessStatusCode) return null;
        var actor = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if ((string?)actor?["publicKey"]?["publicKeyPem"] is not { } pem) return null;
        return _publicKeys[keyId] = pem;
    }
}
