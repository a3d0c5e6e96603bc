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
/// A remote server on loopback with one or more actors: serves their documents, WebFinger and the objects it was given,
/// records what is posted to their inboxes (and to the shared inbox, when the actors advertise one), verifies each
/// POST's signature as a peer instance would, and signs activities as its actors.
/// </summary>
public sealed partial class RemoteActorServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private readonly SignedPostVerifier _verifier = new();
    private readonly bool _sharedInbox;
    private readonly Task _loop;
    private int _webFingers;
    private int _documentFetches;

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

    /// <summary>The actors' name; change it to make a later fetch see a new profile.</summary>
    public string DisplayName { get; set; } = "Remote Person";

    /// <summary>The actors' aliases (<c>alsoKnownAs</c>): a Move to an actor is believed only from one of them.</summary>
    public List<string> AlsoKnownAs { get; } = [];
    public string Base { get; }
    public string Domain => new Uri(Base).Authority;
    public string ActorUri => ActorUriOf(Username);
    public string Acct => $"{Username}@{Domain}";
    public string SharedInbox => $"{Base}/inbox";

    /// <summary>The first actor's profile page, its document's <c>url</c> (what a mention's h-card links to).</summary>
    public string ProfileUrl => ProfileUrlOf(Username);

    public string ActorUriOf(string username) => $"{Base}/users/{username}";

    private string ProfileUrlOf(string username) => $"{Base}/@{username}";

    /// <summary>Bodies posted to any inbox here, in order of arrival.</summary>
    public ConcurrentQueue<JsonNode> Received { get; } = new();

    /// <summary>Every POST with where it went and whether its signature verified, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedDelivery> Deliveries { get; } = new();

    /// <summary>Objects served by id (e.g. Notes), as a peer answers a fetch of their URL.</summary>
    public ConcurrentDictionary<string, JsonObject> Objects { get; } = new();

    /// <summary>WebFinger queries received, so a test can tell a stored profile from a fetched one.</summary>
    public int WebFingerCount => _webFingers;

    /// <summary>GETs of actor documents received.</summary>
    public int DocumentFetchCount => _documentFetches;

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
        var known = actor is not null && _keys.ContainsKey(actor);
        if (context.Request.HttpMethod == "POST" && (path == "/inbox" || (known && path == $"/users/{actor}/inbox")))
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var (keyId, verified) = await _verifier.VerifyAsync(context.Request, body);
            if (JsonNode.Parse(body) is { } posted)
            {
                Received.Enqueue(posted);
                Deliveries.Enqueue(new ReceivedDelivery(path, posted, keyId, verified));
            }
            response.StatusCode = verified ? 202 : 401;
        }
        else if (known && path == $"/users/{actor}")
        {
            Interlocked.Increment(ref _documentFetches);
            await WriteAsync(response, Actor(actor!), "application/activity+json");
        }
        else if (path == "/.well-known/webfinger" && WebFingerUser(context.Request.QueryString["resource"]) is { } user)
        {
            Interlocked.Increment(ref _webFingers);
            await WriteAsync(response, WebFinger(user), "application/jrd+json");
        }
        else if (Objects.TryGetValue($"{Base}{path}", out var found)) await WriteAsync(response, found, "application/activity+json");
        else response.StatusCode = 404;
        response.Close();
    }

    private string? WebFingerUser(string? resource) =>
        _keys.Keys.FirstOrDefault(name => resource == $"acct:{name}@{Domain}");

    private static async Task WriteAsync(HttpListenerResponse response, JsonNode body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentType = contentType;
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        foreach (var key in _keys.Values) key.Dispose();
    }
}
