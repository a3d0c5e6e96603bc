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
    public string Base { get; }
    public string ActorUri => $"{Base}/users/{Username}";
    public string Acct => $"{Username}@{new Uri(Base).Authority}";

    /// <summary>Bodies posted to the actor's inbox, in order of arrival.</summary>
    public ConcurrentQueue<JsonNode> Received { get; } = new();

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
                var bytes = Encoding.UTF8.GetBytes(Actor().ToJsonString());
                response.ContentType = "application/activity+json";
                await response.OutputStream.WriteAsync(bytes);
            }
            else response.StatusCode = 404;
            response.Close();
        }
    }

    private JsonObject Actor() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
        ["id"] = ActorUri,
        ["type"] = "Person",
        ["preferredUsername"] = Username,
        ["name"] = "Remote Person",
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
