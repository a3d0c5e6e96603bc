using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fedi.Core.Federation.Signatures;

/// <summary>
/// draft-cavage-http-signatures-12 as the fediverse uses it: rsa-sha256 over <c>(request-target) host date digest</c>
/// (Mastodon's HttpSignatureDraft). Signing adds Host, Date and (with a body) Digest, then Signature.
/// </summary>
public static class CavageSignature
{
    /// <summary>The headers to add to the request, Signature last.</summary>
    public static IReadOnlyList<(string Name, string Value)> Sign(string method, Uri url, byte[]? body, string keyId, RSA key, DateTimeOffset now)
    {
        var headers = new List<(string Name, string Value)>
        {
            ("host", url.Authority),
            ("date", now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)),
        };
        if (body is not null) headers.Add(("digest", BodyDigest.Digest(body)));
        var target = $"{method.ToLowerInvariant()} {url.AbsolutePath}{url.Query}";
        var signed = string.Join('\n', new[] { $"(request-target): {target}" }.Concat(headers.Select(h => $"{h.Name}: {h.Value}")));
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var names = string.Join(' ', new[] { "(request-target)" }.Concat(headers.Select(h => h.Name)));
        headers.Add(("signature", $"keyId=\"{keyId}\",algorithm=\"rsa-sha256\",headers=\"{names}\",signature=\"{signature}\""));
        return headers;
    }

    /// <summary>The parameters of a Signature header (keyId, algorithm, headers, signature, created, expires).</summary>
    public static Dictionary<string, string> Parse(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && header[i] is ',' or ' ') i++;
            var eq = header.IndexOf('=', i);
            if (eq < 0) break;
            var name = header[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < header.Length && header[i] == '"')
            {
                var end = header.IndexOf('"', i + 1);
                if (end < 0) throw new SignatureException("Signature header is malformed");
                value = header[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = header.IndexOf(',', i);
                value = end < 0 ? header[i..] : header[i..end];
                i = end < 0 ? header.Length : end;
            }
            values[name] = value.Trim();
        }
        return values;
    }
}
