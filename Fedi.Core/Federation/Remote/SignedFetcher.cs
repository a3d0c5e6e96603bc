using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Federation.Fetching;
using Fedi.Core.Federation.Keys;
using Fedi.Core.Federation.Signatures;

namespace Fedi.Core.Federation.Remote;

/// <summary>
/// GETs an ActivityPub document through the guarded client, signed as the instance actor (so peers in
/// authorized-fetch mode answer). Null when the answer is not a JSON document.
/// </summary>
public sealed class SignedFetcher(GuardedHttpClient http, AccountKeyStore keys, LocalUris uris, TimeProvider clock)
{
    public async Task<(JsonElement Document, Uri Url)?> FetchAsync(Uri url, CancellationToken ct = default)
    {
        var pair = await keys.FindOrCreateLocalAsync(LocalUris.InstanceActorId, ct)
            ?? throw new InvalidOperationException("The instance actor row (migration 0080) is missing");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pair.PrivateKeyPem);
        var response = await http.SendAsync(url, hop =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, hop);
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(ActivityContext.MediaType));
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
            foreach (var (name, value) in CavageSignature.Sign("GET", hop, null, uris.KeyId(uris.InstanceActor), rsa, clock.GetUtcNow()))
                if (name != "host") request.Headers.TryAddWithoutValidation(name, value);
            return request;
        }, ct);
        if (!response.IsSuccess) return null;
        try
        {
            using var parsed = JsonDocument.Parse(response.Body);
            return (parsed.RootElement.Clone(), response.Url);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
