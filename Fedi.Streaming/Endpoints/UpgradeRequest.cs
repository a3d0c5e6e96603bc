using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Fedi.Streaming.Endpoints;

/// <summary>
/// The first request of a connection, read from the raw bytes when it is a plain streaming WebSocket upgrade
/// (<c>GET /api/v1/streaming…</c>, HTTP/1.1, version 13, no body). Anything else — other paths, odd encodings,
/// SignalR, SSE, a second request on a kept-alive connection — is left to Kestrel's HTTP pipeline.
/// </summary>
public sealed record UpgradeRequest(string Path, IQueryCollection Query, string Key, string? Authorization, StringValues Protocols)
{
    /// <summary>Kestrel's default limit on the request headers; a bigger upgrade request takes the ordinary path.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    private static ReadOnlySpan<byte> EndOfHeaders => "\r\n\r\n"u8;

    /// <summary>True when <paramref name="buffer"/> holds the whole header block (its length in <paramref name="length"/>);
    /// <paramref name="request"/> is then the upgrade, or null when this is not one to take.</summary>
    public static bool TryRead(ReadOnlySequence<byte> buffer, out UpgradeRequest? request, out long length)
    {
        request = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, EndOfHeaders))
        {
            length = 0;
            return false;
        }
        length = reader.Consumed;
        request = headers.Length <= MaxHeaderBytes ? Parse(Encoding.Latin1.GetString(headers)) : null;
        return true;
    }

    private static UpgradeRequest? Parse(string text)
    {
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine is not ["GET", var target, "HTTP/1.1"] || !target.StartsWith('/')) return null;
        var query = target.IndexOf('?');
        var path = query < 0 ? target : target[..query];
        // Percent-encoded or dotted paths are Kestrel's to normalise.
        if (path.Contains('%') || path.Contains("/.", StringComparison.Ordinal) || !IsStreamingPath(path)) return null;

        string? upgrade = null, connection = null, version = null, key = null, authorization = null;
        var protocols = StringValues.Empty;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (Is(name, "Upgrade")) upgrade = value;
            else if (Is(name, "Connection")) connection = value;
            else if (Is(name, "Sec-WebSocket-Version")) version = value;
            else if (Is(name, "Sec-WebSocket-Key")) key = value;
            else if (Is(name, "Authorization")) authorization = authorization is null ? value : null;
            else if (Is(name, "Sec-WebSocket-Protocol")) protocols = StringValues.Concat(protocols, value);
            else if (Is(name, "Content-Length") || Is(name, "Transfer-Encoding")) return null;
        }
        if (upgrade is null || !upgrade.Contains("websocket", StringComparison.OrdinalIgnoreCase)) return null;
        if (connection is null || !connection.Contains("upgrade", StringComparison.OrdinalIgnoreCase)) return null;
        if (version != "13" || key is not { Length: 24 }) return null;
        return new UpgradeRequest(path, new QueryCollection(QueryHelpers.ParseQuery(query < 0 ? "" : target[query..])), key, authorization, protocols);
    }

    /// <summary>The paths StreamingEndpoints.UseStreamingWebSockets takes: the streaming prefix and below, not health.</summary>
    private static bool IsStreamingPath(string path) =>
        (path == EventSourcePaths.Prefix || path.StartsWith(EventSourcePaths.Prefix + "/", StringComparison.Ordinal))
        && path != EventSourcePaths.Prefix + "/health";

    private static bool Is(string name, string expected) => name.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
