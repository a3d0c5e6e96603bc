using System.Security.Cryptography;

namespace Fedi.Core.Federation.Signatures;

/// <summary>The body digests signatures cover: draft-cavage's <c>Digest: SHA-256=…</c>, RFC 9530's <c>Content-Digest: sha-256=:…:</c>.</summary>
public static class BodyDigest
{
    public static string Digest(byte[] body) => $"SHA-256={Convert.ToBase64String(SHA256.HashData(body))}";

    public static string ContentDigest(byte[] body) => $"sha-256=:{Convert.ToBase64String(SHA256.HashData(body))}:";

    /// <summary>Whether a Digest header's SHA-256 entry matches; an entry of another algorithm alone is not enough.</summary>
    public static bool DigestMatches(string header, byte[] body)
    {
        var expected = Convert.ToBase64String(SHA256.HashData(body));
        var sha = header.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("SHA-256=", StringComparison.OrdinalIgnoreCase));
        return sha is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(sha[8..]), System.Text.Encoding.ASCII.GetBytes(expected));
    }

    public static bool ContentDigestMatches(string header, byte[] body)
    {
        var expected = $":{Convert.ToBase64String(SHA256.HashData(body))}:";
        var sha = header.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("sha-256=", StringComparison.OrdinalIgnoreCase));
        return sha is not null && sha[8..] == expected;
    }
}
