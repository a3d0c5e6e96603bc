using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fedi.Core.Federation.Signatures;

/// <summary>What a request's signature claims: the key, and a check of the signature against that key's PEM.</summary>
public sealed record SignatureClaim(string KeyId, Func<string, bool> VerifiesWith);

/// <summary>
/// Mastodon's inbound rules (SignedRequest, SignatureVerification): RFC 9421 when Signature-Input is present, else
/// draft-cavage. Cavage must sign date or (created), (request-target) or digest, host on a GET and digest on a POST;
/// 9421 must cover @method and @target-uri, and content-digest on a POST. The body must match its digest. Created
/// (Date or (created)) may be an hour ahead; it expires 5 minutes after (capped at 12 hours), plus the hour of
/// clock skew Mastodon allows.
/// </summary>
public static class SignatureVerifier
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxValidity = TimeSpan.FromHours(12);

    public static SignatureClaim Check(SignedRequest request, DateTimeOffset now) =>
        request.Header("signature-input") is { } input
            ? CheckMessageSignature(request, input, now)
            : CheckCavage(request, now);

    private static SignatureClaim CheckCavage(SignedRequest request, DateTimeOffset now)
    {
        var header = request.Header("signature") ?? throw new SignatureException("Request not signed");
        var values = CavageSignature.Parse(header);
        if (!values.TryGetValue("keyId", out var keyId) || !values.TryGetValue("signature", out var encoded))
            throw new SignatureException("Incompatible request signature. keyId and signature are required");
        var algorithm = values.GetValueOrDefault("algorithm", "hs2019");
        if (algorithm is not ("rsa-sha256" or "hs2019")) throw new SignatureException($"Unsupported signature algorithm {algorithm}");
        var names = values.GetValueOrDefault("headers", algorithm == "hs2019" ? "(created)" : "date")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n.ToLowerInvariant()).ToList();
        if (!names.Contains("date") && !names.Contains("(created)")) throw new SignatureException("Mastodon requires the Date header or (created) pseudo-header to be signed");
        if (!names.Contains("(request-target)") && !names.Contains("digest")) throw new SignatureException("Mastodon requires the Digest header or (request-target) pseudo-header to be signed");
        var post = request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase);
        if (!post && !names.Contains("host")) throw new SignatureException("Mastodon requires the Host header to be signed when doing a GET request");
        if (post && !names.Contains("digest")) throw new SignatureException("Mastodon requires the Digest header to be signed when doing a POST request");
        if (names.Contains("digest") && !BodyDigest.DigestMatches(request.Header("digest") ?? throw new SignatureException("Digest header missing"), request.Body))
            throw new SignatureException("Invalid Digest value. The request body does not match the Digest header");

        var created = names.Contains("(created)") ? FromUnix(values.GetValueOrDefault("created")) : ParseDate(request.Header("date"));
        DateTimeOffset? expires = values.TryGetValue("expires", out var e) ? FromUnix(e) : null;
        CheckWindow(created, expires, now);

        byte[] signature;
        try { signature = Convert.FromBase64String(encoded); }
        catch (FormatException) { throw new SignatureException("Signature is not base64"); }
        string Base(bool withQuery) => string.Join('\n', names.Select(name => name switch
        {
            "(request-target)" => $"(request-target): {request.RequestTarget(withQuery)}",
            "(created)" => $"(created): {values.GetValueOrDefault("created")}",
            "(expires)" => $"(expires): {values.GetValueOrDefault("expires")}",
            _ => $"{name}: {request.Header(name) ?? throw new SignatureException($"Signed header {name} is missing")}",
        }));
        var withQuery = Encoding.UTF8.GetBytes(Base(true));
        var withoutQuery = Encoding.UTF8.GetBytes(Base(false));
        return new SignatureClaim(keyId, pem => Verify(pem, withQuery, signature) || Verify(pem, withoutQuery, signature));
    }

    private static SignatureClaim CheckMessageSignature(SignedRequest request, string input, DateTimeOffset now)
    {
        var (parsed, signature) = MessageSignature.Parse(input, request.Header("signature") ?? throw new SignatureException("Signature header missing"));
        if (parsed.KeyId is null || parsed.Created is null) throw new SignatureException("Signature-Input must carry keyid and created");
        if (!parsed.Components.Contains("@method") || !parsed.Components.Contains("@target-uri"))
            throw new SignatureException("Mastodon requires @method and @target-uri to be signed");
        if (request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase))
        {
            if (!parsed.Components.Contains("content-digest")) throw new SignatureException("Mastodon requires content-digest to be signed when doing a POST request");
            if (!BodyDigest.ContentDigestMatches(request.Header("content-digest") ?? "", request.Body))
                throw new SignatureException("Invalid Content-Digest value. The request body does not match");
        }
        if (parsed.Algorithm is { } alg && alg != "rsa-v1_5-sha256") throw new SignatureException($"Unsupported signature algorithm {alg}");
        CheckWindow(DateTimeOffset.FromUnixTimeSeconds(parsed.Created.Value), parsed.Expires is { } x ? DateTimeOffset.FromUnixTimeSeconds(x) : null, now);
        var signed = Encoding.UTF8.GetBytes(MessageSignature.Base(request, parsed));
        return new SignatureClaim(parsed.KeyId, pem => Verify(pem, signed, signature));
    }

    private static void CheckWindow(DateTimeOffset created, DateTimeOffset? expires, DateTimeOffset now)
    {
        var expiry = expires is { } e && e < created + MaxValidity ? e : created + (expires is null ? DefaultValidity : MaxValidity);
        if (created > now + ClockSkew || now > expiry + ClockSkew) throw new SignatureException("Signed request date outside acceptable time window");
    }

    private static DateTimeOffset ParseDate(string? date) =>
        DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : throw new SignatureException("Invalid Date header");

    private static DateTimeOffset FromUnix(string? seconds) =>
        long.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) && s is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(s) : throw new SignatureException("Invalid (created) or expires parameter");

    private static bool Verify(string pem, byte[] data, byte[] signature)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
