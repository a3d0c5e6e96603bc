using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Fedi.Core.Federation.Signatures;

/// <summary>One signature of an RFC 9421 request: its covered components, parameters as written, and the bytes.</summary>
public sealed record MessageSignatureInput(string Label, IReadOnlyList<string> Components, string Parameters, string? KeyId, long? Created, long? Expires, string? Algorithm);

/// <summary>
/// RFC 9421 HTTP Message Signatures, the subset fediverse servers send (Mastodon, Fedify): components <c>@method</c>,
/// <c>@target-uri</c>, <c>@authority</c>, <c>@path</c>, <c>@query</c>, <c>@request-target</c> and header fields;
/// rsa-v1_5-sha256 keys. Signing covers <c>@method @target-uri</c> and, with a body, <c>content-digest</c>.
/// </summary>
public static partial class MessageSignature
{
    public const string Label = "sig1";

    /// <summary>The headers to add: Content-Digest (with a body), Signature-Input and Signature.</summary>
    public static IReadOnlyList<(string Name, string Value)> Sign(string method, Uri url, byte[]? body, string keyId, RSA key, DateTimeOffset now)
    {
        var headers = new Dictionary<string, string>();
        if (body is not null) headers["content-digest"] = BodyDigest.ContentDigest(body);
        var components = body is null ? new[] { "@method", "@target-uri" } : ["@method", "@target-uri", "content-digest"];
        var parameters = $"({string.Join(' ', components.Select(c => $"\"{c}\""))});created={now.ToUnixTimeSeconds()};keyid=\"{keyId}\";alg=\"rsa-v1_5-sha256\"";
        var request = new SignedRequest(method, url, headers, body ?? []);
        var input = new MessageSignatureInput(Label, components, parameters, keyId, now.ToUnixTimeSeconds(), null, "rsa-v1_5-sha256");
        var signature = key.SignData(Encoding.UTF8.GetBytes(Base(request, input)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var added = headers.Select(h => (h.Key, h.Value)).ToList();
        added.Add(("signature-input", $"{Label}={parameters}"));
        added.Add(("signature", $"{Label}=:{Convert.ToBase64String(signature)}:"));
        return added;
    }

    /// <summary>The first signature of a Signature-Input header that the Signature header carries.</summary>
    public static (MessageSignatureInput Input, byte[] Signature) Parse(string signatureInput, string signature)
    {
        foreach (Match m in InputPattern().Matches(signatureInput))
        {
            var label = m.Groups["label"].Value;
            var value = Regex.Match(signature, $@"(?:^|,)\s*{Regex.Escape(label)}=:(?<b64>[A-Za-z0-9+/=]+):");
            if (!value.Success) continue;
            var components = ComponentPattern().Matches(m.Groups["list"].Value).Select(c => c.Groups[1].Value).ToList();
            var rest = m.Groups["params"].Value;
            var parameters = $"({m.Groups["list"].Value}){rest}";
            string? Param(string name) => Regex.Match(rest, $@";{name}=(""(?<s>[^""]*)""|(?<n>-?\d+))") is { Success: true } p
                ? (p.Groups["s"].Success ? p.Groups["s"].Value : p.Groups["n"].Value) : null;
            long? Number(string name) => long.TryParse(Param(name), out var n) ? n : null;
            try
            {
                return (new MessageSignatureInput(label, components, parameters, Param("keyid"), Number("created"), Number("expires"), Param("alg")),
                    Convert.FromBase64String(value.Groups["b64"].Value));
            }
            catch (FormatException)
            {
                throw new SignatureException("Signature is not base64");
            }
        }
        throw new SignatureException("Signature-Input names no signature the Signature header carries");
    }

    /// <summary>The signature base (RFC 9421 §2.5) the signer signed.</summary>
    public static string Base(SignedRequest request, MessageSignatureInput input)
    {
        var lines = new StringBuilder();
        foreach (var component in input.Components)
        {
            var value = component switch
            {
                "@method" => request.Method.ToUpperInvariant(),
                "@target-uri" => request.Url.AbsoluteUri,
                "@authority" => request.Url.Authority.ToLowerInvariant(),
                "@scheme" => request.Url.Scheme,
                "@path" => request.Url.AbsolutePath,
                "@query" => request.Url.Query.Length == 0 ? "?" : request.Url.Query,
                "@request-target" => request.Url.PathAndQuery,
                _ when component.StartsWith('@') => throw new SignatureException($"Signature covers unsupported component {component}"),
                _ => request.Header(component) ?? throw new SignatureException($"Signature covers {component}, which the request lacks"),
            };
            lines.Append('"').Append(component).Append("\": ").Append(value).Append('\n');
        }
        lines.Append("\"@signature-params\": ").Append(input.Parameters);
        return lines.ToString();
    }

    [GeneratedRegex(@"(?<label>[a-z*][a-z0-9_\-.*]*)=\((?<list>[^)]*)\)(?<params>(;[a-z*][a-z0-9_\-.*]*=(""[^""]*""|-?\d+))*)")]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"""([^""]+)""")]
    private static partial Regex ComponentPattern();
}
