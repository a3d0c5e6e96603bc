namespace Fedi.Core.Federation.Signatures;

/// <summary>A request as its signature covers it: method, absolute URL, headers (names lower case), body.</summary>
public sealed record SignedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Draft-cavage's (request-target): the method in lower case, the path and query.</summary>
    public string RequestTarget(bool withQuery = true) => $"{Method.ToLowerInvariant()} {Url.AbsolutePath}{(withQuery ? Url.Query : "")}";
}
