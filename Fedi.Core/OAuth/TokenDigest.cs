using System.Security.Cryptography;
using System.Text;

namespace Fedi.Core.OAuth;

/// <summary>Secrets (access tokens, authorization codes) are stored only as SHA-256 digests.</summary>
public static class TokenDigest
{
    /// <summary>A fresh 43-character URL-safe secret (256 bits).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
