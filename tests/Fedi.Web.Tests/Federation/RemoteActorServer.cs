using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fedi.Core.Federation.Signatures;
using Fedi.Testing;

namespace Fedi.Web.Tests.Federation;

/// <summary>
/// A remote server on loopback with one actor: serves its document, records what is posted to its inbox, and
/// signs activities as it, the way a peer instance would.
/// </summary>
public sealed class RemoteActorServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly Task _loop;

    public RemoteActorServer(string username = "remote")
    {
        Username = username;
        Base = $"http://127.0.0.1:{FreePort.Next()}";
        _listener.Prefixes.Add($"{Base}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Username { get; }

    /// <summary>The actor's name; change it to make a later fetch see a new profile.</summary>
    public string DisplayName { get; set; } = "Remote Person";

    /// <summary>The actor's aliases (<c>alsoKnownAs</c>): a Move to this actor is believed only from one of them.</summary>
    public List<string> AlsoKnownAs { get; } = [];
    public string Base { get; }
    public string ActorUri => $"{Base}/users/{Username}";
    public string Acct => $"{Username}@{new Uri(Base).Authority}";

    /// <summary>Bodies posted to the actor's inbox, in order of arrival.</summary>
    public ConcurrentQueue<JsonNode> Received { get; } = new();

    /// <summary>The actor's profile page, its document's <c>url</c> (what a mention's h-card links to).</summary>
    public string ProfileUrl => $"{Base}/@{Username}";

    /// <summary>Objects served by id (e.g. Notes), as a peer answers a fetch of their URL.</summary>
    public ConcurrentDictionary<string, JsonObject> Objects { get; } = new();

    /// <summary>WebFinger queries received, so a test can tell a stored profile from a fetched one.</summary>
    public int WebFingerCount => _webFingers;

    private int _webFingers;

    /// <summary>GETs of the actor document received.</summary>
    public int DocumentFetchCount => _documentFetches;

    private int _documentFetches;

    /// <summary>A public Note by this actor, served at its id; the Note itself.</summary>
    public JsonObject ServeNote(string content)
    {
        var id = NewId("statuses");
        var note = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = id, ["type"] = "Note", ["attributedTo"] = ActorUri,
            ["to"] = new JsonArray("https://www.w3.org/ns/activitystreams#Public"), ["published"] = DateTimeOffset.UtcNow.ToString("o"),
            ["content"] = content,
        };
        Objects[id] = note;
        return note;
    }

    /// <summary>An activity by this actor, addressed to the public, with a new id unless one is given.</summary>
    public JsonObject Activity(string type, JsonNode obj, string? id = null) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = id ?? NewId(type.ToLowerInvariant()), ["type"] = type,
        ["actor"] = ActorUri, ["to"] = new JsonArray("https://www.w3.org/ns/activitystreams#Public"), ["object"] = obj,
    };

    /// <summary>A new activity id on this server.</summary>
    public string NewId(string kind) => $"{ActorUri}/{kind}/{Guid.NewGuid():N}";

    /// <summary>Posts <paramref name="activity"/> to <paramref name="path"/> of <paramref name="api"/>, signed as this actor.</summary>
    public async Task<ApiResponse> PostAsync(ApiClient api, string path, JsonObject activity)
    {
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var url = api.Absolute(path);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/activity+json");
        foreach (var (name, value) in CavageSignature.Sign("POST", url, body, $"{ActorUri}#main-key", _key, DateTimeOffset.UtcNow))
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
                await HandleAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // The server was stopped while answering (a fetch the test no longer waits for).
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        if (context.Request.HttpMethod == "POST" && path == $"/users/{Username}/inbox")
        {
            using var reader = new StreamReader(context.Request.InputStream);
            if (JsonNode.Parse(await reader.ReadToEndAsync()) is { } posted) Received.Enqueue(posted);
            response.StatusCode = 202;
        }
        else if (path == $"/users/{Username}")
        {
            Interlocked.Increment(ref _documentFetches);
            await WriteAsync(response, Document(), "application/activity+json");
        }
        else if (path == "/.well-known/webfinger" && context.Request.QueryString["resource"] == $"acct:{Acct}")
        {
            Interlocked.Increment(ref _webFingers);
            await WriteAsync(response, WebFinger(), "application/jrd+json");
        }
        else if (Objects.TryGetValue($"{Base}{path}", out var found)) await WriteAsync(response, found, "application/activity+json");
        else response.StatusCode = 404;
        response.Close();
    }

    private static async Task WriteAsync(HttpListenerResponse response, JsonNode body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentType = contentType;
        await response.OutputStream.WriteAsync(bytes);
    }

    private JsonObject WebFinger() => new()
    {
        ["subject"] = $"acct:{Acct}",
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "http://webfinger.net/rel/profile-page", ["type"] = "text/html", ["href"] = ProfileUrl },
            new JsonObject { ["rel"] = "self", ["type"] = "application/activity+json", ["href"] = ActorUri }),
    };

    /// <summary>The actor document, as served now (an Update carries it).</summary>
    public JsonObject Document() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
        ["id"] = ActorUri,
        ["type"] = "Person",
        ["preferredUsername"] = Username,
        ["name"] = DisplayName,
        ["url"] = ProfileUrl,
        ["alsoKnownAs"] = new JsonArray(AlsoKnownAs.Select(a => (JsonNode?)a).ToArray()),
        ["inbox"] = $"{ActorUri}/inbox",
        ["outbox"] = $"{ActorUri}/outbox",
        ["followers"] = $"{ActorUri}/followers",
        ["publicKey"] = new JsonObject { ["id"] = $"{ActorUri}#main-key", ["owner"] = ActorUri, ["publicKeyPem"] = _key.ExportSubjectPublicKeyInfoPem() },
    };

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        _key.Dispose();
    }
}
