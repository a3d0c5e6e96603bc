using Microsoft.Extensions.Primitives;

namespace Fedi.Streaming.Auth;

/// <summary>
/// Where Mastodon's streaming server reads the token, in its order: Authorization header, else the
/// access_token query parameter, else Sec-WebSocket-Protocol (browsers cannot set headers on a WebSocket).
/// </summary>
public static class TokenSource
{
    /// <summary>The presented token, or null when none was presented at all.</summary>
    public static (string? Token, string? SubProtocol) Read(HttpRequest request) =>
        Read(request.Headers.Authorization.ToString(), request.Query["access_token"].ToString(), request.Headers.SecWebSocketProtocol);

    /// <summary>The same from the raw values (the direct upgrade reads them without an HttpContext).</summary>
    public static (string? Token, string? SubProtocol) Read(string? authorization, string? queryToken, StringValues protocols)
    {
        if (authorization is { Length: > 0 })
            return (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : authorization, null);

        if (queryToken is { Length: > 0 }) return (queryToken, null);

        // A client may offer several subprotocols; the token is the first, and that one is echoed back.
        var protocol = FirstProtocol(protocols);
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
