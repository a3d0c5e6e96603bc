using Fedi.Core.OAuth;

namespace Fedi.Streaming.Auth;

/// <summary>
/// A connection's verified identity: a live user token. <see cref="SubProtocol"/> is set when the token
/// came in Sec-WebSocket-Protocol; the WebSocket accept must echo it or browsers drop the connection.
/// </summary>
public sealed record StreamingCredentials(AccessToken Token, string? SubProtocol)
{
    public long TokenId => Token.Id;

    /// <summary>Always set: tokens without a user are refused at authentication.</summary>
    public long AccountId => Token.AccountId!.Value;
}
