using Fedi.Core.Federation.Remote;
using Fedi.Core.Federation.Signatures;

namespace Fedi.Core.Federation.Inbound;

/// <summary>
/// Verifies a request's signature and names its signer (Mastodon's SignatureVerification): the key of a known
/// actor from <c>accounts</c>, else fetched from the key's actor and stored; when verification fails with a
/// stored key it is fetched again once (the signer may have rotated it). Throws <see cref="SignatureException"/>.
/// </summary>
public sealed class RequestSignatureService(RemoteAccountStore accounts, ResolveActorService resolver, TimeProvider clock)
{
    public async Task<ActorKey> VerifyAsync(SignedRequest request, CancellationToken ct = default)
    {
        var claim = SignatureVerifier.Check(request, clock.GetUtcNow());
        var actorUri = claim.KeyId.Split('#', 2)[0];
        var known = await accounts.FindKeyByUriAsync(actorUri, ct);
        if (known is { PublicKeyPem.Length: > 0 } && claim.VerifiesWith(known.PublicKeyPem)) return known;
        if (known is { Domain: null }) throw new SignatureException("Verification failed");

        var fetched = await resolver.ResolveAsync(actorUri, ct)
            ?? throw new SignatureException($"Public key of {actorUri} could not be fetched", known is null ? 401 : 503);
        return claim.VerifiesWith(fetched.PublicKeyPem) ? fetched : throw new SignatureException("Verification failed");
    }
}
