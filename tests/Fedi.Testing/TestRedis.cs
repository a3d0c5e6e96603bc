using System.ComponentModel;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace Fedi.Testing;

/// <summary>
/// A real Redis server for tests. Either the one named by <c>FEDI_TEST_REDIS_URL</c>
/// (<c>tests/run.sh</c> starts one for the whole run), or a <c>redis-server</c> of its own on a free
/// loopback port with persistence off. Tests share a server by each using its own key prefix
/// (<see cref="NewNamespace"/>, passed to Fedi as <c>REDIS_NAMESPACE</c>). A server of its own can be
/// stopped and started again on the same port, to test what happens when Redis goes away.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    /// <summary>The variable that points the tests at a running server instead of starting one.</summary>
    public const string UrlVariable = "FEDI_TEST_REDIS_URL";

    private readonly string? _directory;
    private readonly bool _appendOnly;
    private FediProcess? _server;

    private TestRedis(string url, string? directory, bool appendOnly = false)
    {
        Url = url;
        _directory = directory;
        _appendOnly = appendOnly;
    }

    /// <summary>The <c>REDIS_URL</c> form, <c>redis://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    /// <summary>True when this object runs the server (and can stop and start it).</summary>
    public bool IsOwnServer => _directory is not null;

    /// <summary>The running <c>redis-server</c> process of an own server; null when external or stopped.</summary>
    public FediProcess? Process => _server;

    /// <summary>StackExchange.Redis options for <see cref="Url"/> (a fresh copy each time).</summary>
    public ConfigurationOptions Configuration => ConnectionUrls.ParseRedis(Url);

    /// <summary>Uses <c>FEDI_TEST_REDIS_URL</c> when set, else starts a server of its own.</summary>
    public static Task<TestRedis> StartAsync(CancellationToken ct = default) =>
        Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url
            ? Task.FromResult(new TestRedis(url, null))
            : StartOwnAsync(ct);

    /// <summary>Starts a <c>redis-server</c> of its own, whatever the environment says (needed to stop and restart it).</summary>
    /// <param name="ct">Cancels the start.</param>
    /// <param name="appendOnly">Keep every write in an append-only file synced each second, as the local start
    /// command configures Redis, so that what was queued survives a stop and start.</param>
    public static async Task<TestRedis> StartOwnAsync(CancellationToken ct = default, bool appendOnly = false)
    {
        var redis = new TestRedis($"redis://127.0.0.1:{FreePort.Next()}", Directory.CreateTempSubdirectory("fedi-redis-").FullName, appendOnly);
        try
        {
            await redis.StartAgainAsync(ct);
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh key prefix, e.g. <c>test_k3v9x0q2mz</c>, for <c>REDIS_NAMESPACE</c>.</summary>
    public static string NewNamespace() => RandomNames.Unique("test_");

    /// <summary>Connects a multiplexer to this server; the caller disposes it.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration);

    /// <summary>Starts the own server again on the same port (after <see cref="StopAsync"/>) and waits until it answers PING.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        var directory = _directory ?? throw ExternalServer();
        if (_server is { HasExited: false })
            throw new InvalidOperationException("Redis is already running.");
        var port = new Uri(Url).Port;
        try
        {
            _server = FediProcess.Start(
                "redis",
                "redis-server",
                ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", _appendOnly ? "yes" : "no", "--appendfsync", "everysec", "--dir", directory],
                workingDirectory: directory);
        }
        catch (Win32Exception e)
        {
            throw new FileNotFoundException("redis-server is not in PATH: apt-get install -y redis-server, or set FEDI_TEST_REDIS_URL.", e);
        }
        await WaitUntilAnsweringAsync(_server, port, ct);
    }

    /// <summary>Stops the own server (SIGTERM) and waits for it to exit; clients then see connection errors.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        _ = _directory ?? throw ExternalServer();
        if (_server is { } server)
        {
            await server.StopAsync(TimeSpan.FromSeconds(10), ct);
            await server.DisposeAsync();
            _server = null;
        }
    }

    /// <summary>Stops the own server and deletes its folder; does nothing for an external one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
            await server.DisposeAsync();
        _server = null;
        if (_directory is not null && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static InvalidOperationException ExternalServer() =>
        new($"This Redis comes from {UrlVariable} and cannot be stopped or started; use TestRedis.StartOwnAsync().");

    private static async Task WaitUntilAnsweringAsync(FediProcess server, int port, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AnswersPingAsync(port, ct))
        {
            if (server.HasExited)
                throw new FediProcessException($"redis-server exited with code {server.ExitCode} before answering.", server);
            if (DateTime.UtcNow > deadline)
                throw new FediProcessException("redis-server did not answer PING within 20 s.", server);
            await Task.Delay(50, ct);
        }
    }

    private static async Task<bool> AnswersPingAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, ct);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
