namespace Fedi.Core.Federation.Signatures;

/// <summary>
/// A request whose signature is missing, malformed, stale or wrong: 401 (Mastodon's answer), with a message a peer's
/// operator can act on. <see cref="Status"/> 503 when the signer's key could not be fetched (worth a retry).
/// </summary>
public sealed class SignatureException(string message, int status = 401) : Exception(message)
{
    public int Status { get; } = status;
}
