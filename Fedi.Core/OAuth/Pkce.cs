using System.Security.Cryptography;
using System.Text;

namespace Fedi.Core.OAuth;

/// <summary>RFC 7636 proof key: the code_verifier presented at the token endpoint must match the challenge.</summary>
public static class Pkce
{
    public const string S256 = "S256";
    public const string Plain = "plain";

    public static readonly IReadOnlyList<string> Methods = [S256, Plain];

    public static bool IsSupported(string method) => Methods.Contains(method, StringComparer.Ordinal);

    /// <summary>BASE64URL(SHA256(verifier)) for S256, the verifier itself for plain.</summary>
    public static bool Verify(string challenge, string method, string verifier)
    {
        var expected = method switch
        {
            S256 => TokenDigest.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            Plain => verifier,
            _ => null,
        };
        return expected is not null &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(challenge));
    }
}
