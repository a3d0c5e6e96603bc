using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fedi.Core.Federation.Signatures;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>A POST the remote server received: where, what, and whether its HTTP Signature checked out against the
/// signer's public key as served in its actor document.</summary>
public sealed record ReceivedDelivery(string Path, JsonNode Body, string? KeyId, bool Verified);

/// <summary>
/// A remote server on loopback with one or more actors: serves their documents, records what is posted to their inboxes
/// (and to the shared inbox, when the actors advertise one), verifies each POST's signature as a peer instance would,
/// and signs activities as its actors.
/// </summary>
public sealed class RemoteActorServer : IAsyncDisposable
{
    private static readonly HttpClient KeyFetcher = new();
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _publicKeys = new(StringComparer.Ordinal);
    private readonly bool _sharedInbox;
    private readonly Task _loop;

    /// <param name="username">The first actor, the one the single-actor members speak for.</param>
    /// <param name="others">More actors on the same server.</param>
    /// <param name="sharedInbox">Whether the actors advertise <c>/inbox</c> as their shared inbox.</param>
    public RemoteActorServer(string username = "remote", IReadOnlyList<string>? others = null, bool sharedInbox = false)
    {
        Username = username;
        foreach (var name in new[] { username }.Concat(others ?? [])) _keys[name] = RSA.Create(2048);
        _sharedInbox = sharedInbox;
        Base = $"http://127.0.0.1:{FreePort.Next()}";
        _listener.Prefixes.Add($"{Base}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Username { get; }
    public string Base { get; }
    public string Domain => new Uri(Base).Authority;
    public string ActorUri => ActorUriOf(Username);
    public string Acct => $"{Username}@{Domain}";
    public string SharedInbox => $"{Base}/inbox";

    public string ActorUriOf(string username) => $"{Base}/users/{username}";

    /// <summary>Bodies posted to any inbox here, in order of arrival.</summary>
    public ConcurrentQueue<JsonNode> Received { get; } = new();

    /// <summary>Every POST with where it went and whether its signature verified, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedDelivery> Deliveries { get; } = new();

    /// <summary>The verified deliveries of activities of <paramref name="type"/>.</summary>
    public IReadOnlyList<ReceivedDelivery> Verified(string type) =>
        Deliveries.Where(d => d.Verified && (string?)d.Body["type"] == type).ToList();

    /// <summary>A new activity id on this server.</summary>
    public string NewId(string kind) => $"{ActorUri}/{kind}/{Guid.NewGuid():N}";

    /// <summary>Posts <paramref name="activity"/> to <paramref name="path"/> of <paramref name="api"/>, signed as this server's first actor, or <paramref name="asUsername"/>.</summary>
    public async Task<ApiResponse> PostAsync(ApiClient api, string path, JsonObject activity, string? asUsername = null)
    {
        var signer = asUsername ?? Username;
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var url = api.Absolute(path);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/activity+json");
        foreach (var (name, value) in CavageSignature.Sign("POST", url, body, $"{ActorUriOf(signer)}#main-key", _keys[signer], DateTimeOffset.UtcNow))
            if (name != "host") request.Headers.TryAddWithoutValidation(name, value);
        return await api.SendAsync(request);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The sender went away mid-request; a peer does not care.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        var actor = path.StartsWith("/users/", StringComparison.Ordinal) ? path["/users/".Length..].Split('/')[0] : null;
        if (context.Request.HttpMethod == "POST" && (path == "/inbox" || (actor is not null && _keys.ContainsKey(actor) && path == $"/users/{actor}/inbox")))
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var (keyId, verified) = await VerifyAsync(context.Request, body);
            if (JsonNode.Parse(body) is { } posted)
            {
                Received.Enqueue(posted);
                Deliveries.Enqueue(new ReceivedDelivery(path, posted, keyId, verified));
            }
            response.StatusCode = verified ? 202 : 401;
        }
        else if (actor is not null && _keys.ContainsKey(actor) && path == $"/users/{actor}")
        {
            var bytes = Encoding.UTF8.GetBytes(Actor(actor).ToJsonString());
            response.ContentType = "application/activity+json";
            await response.OutputStream.WriteAsync(bytes);
        }
        else response.StatusCode = 404;
        response.Close();
    }

    /// <summary>Checks the POST as Mastodon would: Digest, Date window, and the RSA signature against the key its
    /// keyId names, fetched from the signer's actor document (once per key).</summary>
    private async Task<(string? KeyId, bool Verified)> VerifyAsync(HttpListenerRequest request, byte[] body)
    {
        var headers = request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k]!, StringComparer.Ordinal);
        try
        {
            var claim = SignatureVerifier.Check(new SignedRequest("POST", request.Url!, headers, body), DateTimeOffset.UtcNow);
            var pem = await PublicKeyAsync(claim.KeyId);
            return (claim.KeyId, pem is not null && claim.VerifiesWith(pem));
        }
        catch (SignatureException)
        {
            return (null, false);
        }
    }

    private async Task<string?> PublicKeyAsync(string keyId)
    {
        if (_publicKeys.TryGetValue(keyId, out var known)) return known;
        var request = new HttpRequestMessage(HttpMethod.Get, keyId.Split('#')[0]);
        request.Headers.Accept.ParseAdd("application/activity+json");
        using var response = await KeyFetcher.SendAsync(request);
        if (!response.IsSuccessStatusCode) return null;
        var actor = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if ((string?)actor?["publicKey"]?["publicKeyPem"] is not { } pem) return null;
        return _publicKeys[keyId] = pem;
    }

    private JsonObject Actor(string username)
    {
        var uri = ActorUriOf(username);
        var actor = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
            ["id"] = uri,
            ["type"] = "Person",
            ["preferredUsername"] = username,
            ["name"] = "Remote Person",
            ["inbox"] = $"{uri}/inbox",
            ["outbox"] = $"{uri}/outbox",
            ["followers"] = $"{uri}/followers",
            ["publicKey"] = new JsonObject { ["id"] = $"{uri}#main-key", ["owner"] = uri, ["publicKeyPem"] = _keys[username].ExportSubjectPublicKeyInfoPem() },
        };
        if (_sharedInbox) actor["endpoints"] = new JsonObject { ["sharedInbox"] = SharedInbox };
        return actor;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        foreach (var key in _keys.Values) key.Dispose();
    }
}
