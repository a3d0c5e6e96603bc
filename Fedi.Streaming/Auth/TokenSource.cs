using Microsoft.Extensions.Primitives;

namespace Fedi.Streaming.Auth;

/// <summary>
/// Where Mastodon's streaming server reads the token, in its order: Authorization header, else the
/// access_token query parameter, else Sec-WebSocket-Protocol (browsers cannot set headers on a WebSocket).
/// </summary>
public static class TokenSource
{
    /// <summary>The presented token, or null when none was presented at all.</summary>
    public static (string? Token, string? SubProtocol) Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
            return (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : authorization, null);

        var query = request.Query["access_token"].ToString();
        if (query.Length > 0) return (query, null);

        // A client may offer several subprotocols; the token is the first, and that one is echoed back.
        var protocol = FirstProtocol(request.Headers.SecWebSocketProtocol);
        return protocol is null ? (null, null) : (protocol, protocol);
    }

    private static string? FirstProtocol(StringValues header)
    {
        foreach (var value in header)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                return part;
        }
        return null;
    }
}
