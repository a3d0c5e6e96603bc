using System.Security.Cryptography;
using System.Text;
using Fedi.Core.Federation.Signatures;

namespace Fedi.Web.Tests.Federation;

/// <summary>Signing and verifying requests, draft-cavage and RFC 9421, as a peer's inbox would.</summary>
public sealed class SignatureTests
{
    private static readonly Uri Inbox = new("https://fedi.example/users/alice/inbox");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static SignedRequest Request(IEnumerable<(string Name, string Value)> headers, byte[] body) =>
        new("POST", Inbox, headers.ToDictionary(h => h.Name, h => h.Value), body);

    [Test]
    public void A_cavage_signed_post_verifies_with_the_signers_key_and_not_with_another()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("""{"type":"Follow"}""");
        var headers = CavageSignature.Sign("POST", Inbox, body, "https://peer.example/users/bob#main-key", key, Now);

        var claim = SignatureVerifier.Check(Request(headers, body), Now.AddMinutes(1));

        Assert.That(claim.KeyId, Is.EqualTo("https://peer.example/users/bob#main-key"));
        Assert.That(claim.VerifiesWith(key.ExportSubjectPublicKeyInfoPem()), Is.True);
        Assert.That(claim.VerifiesWith(other.ExportSubjectPublicKeyInfoPem()), Is.False);
        Assert.That(headers.Single(h => h.Name == "signature").Value, Does.Contain("headers=\"(request-target) host date digest\""));
    }

    [Test]
    public void An_RFC_9421_signed_post_verifies_with_the_signers_key()
    {
        using var key = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("""{"type":"Create"}""");
        var headers = MessageSignature.Sign("POST", Inbox, body, "https://peer.example/users/bob#main-key", key, Now);

        var claim = SignatureVerifier.Check(Request(headers, body), Now);

        Assert.That(claim.KeyId, Is.EqualTo("https://peer.example/users/bob#main-key"));
        Assert.That(claim.VerifiesWith(key.ExportSubjectPublicKeyInfoPem()), Is.True);
    }

    [Test]
    public void A_tampered_body_is_refused_by_both_schemes()
    {
        using var key = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("""{"content":"original"}""");
        var tampered = Encoding.UTF8.GetBytes("""{"content":"forged"}""");
        var cavage = CavageSignature.Sign("POST", Inbox, body, "k", key, Now);
        var rfc = MessageSignature.Sign("POST", Inbox, body, "k", key, Now);

        Assert.That(() => SignatureVerifier.Check(Request(cavage, tampered), Now), Throws.TypeOf<SignatureException>().With.Message.Contains("Digest"));
        Assert.That(() => SignatureVerifier.Check(Request(rfc, tampered), Now), Throws.TypeOf<SignatureException>().With.Message.Contains("Digest"));
    }

    [Test]
    public void A_replayed_request_outside_the_clock_window_and_an_unsigned_one_are_refused()
    {
        using var key = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("{}");
        var headers = CavageSignature.Sign("POST", Inbox, body, "k", key, Now);

        Assert.That(() => SignatureVerifier.Check(Request(headers, body), Now.AddHours(2)), Throws.TypeOf<SignatureException>().With.Message.Contains("time window"));
        Assert.That(() => SignatureVerifier.Check(Request([], body), Now), Throws.TypeOf<SignatureException>().With.Message.EqualTo("Request not signed"));
    }

    [Test]
    public void A_signature_over_a_changed_header_does_not_verify()
    {
        using var key = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes("{}");
        var headers = CavageSignature.Sign("POST", Inbox, body, "k", key, Now)
            .Select(h => h.Name == "host" ? (h.Name, "evil.example") : h).ToList();

        var claim = SignatureVerifier.Check(Request(headers, body), Now);

        Assert.That(claim.VerifiesWith(key.ExportSubjectPublicKeyInfoPem()), Is.False);
    }
}
