using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedi.Testing;

/// <summary>
/// A self-signed certificate for 127.0.0.1 and localhost, written as PEM files for a TLS server under test.
/// Clients trust exactly this certificate (<see cref="Validate"/>), never any certificate.
/// </summary>
public sealed class TestCertificate
{
    private readonly string _sha256;

    private TestCertificate(string certificatePath, string keyPath, string sha256)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        _sha256 = sha256;
    }

    /// <summary>The certificate, PEM.</summary>
    public string CertificatePath { get; }

    /// <summary>Its private key, PKCS#8 PEM.</summary>
    public string KeyPath { get; }

    /// <summary>Makes a certificate valid from yesterday to tomorrow and writes <c>cert.pem</c> and <c>key.pem</c> into <paramref name="directory"/>.</summary>
    public static TestCertificate Create(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var certificatePath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificatePath, keyPath, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/> that accepts this certificate and nothing else.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _sha256;

    /// <summary>An HTTP handler that trusts this certificate (and does not follow redirects, so tests see them).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = Validate },
    };
}
