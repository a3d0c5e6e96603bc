using System.Text.RegularExpressions;

namespace Fedi.Testing;

/// <summary>
/// A whole Fedi instance for one test or fixture: a fresh database on a <see cref="TestPostgres"/>,
/// a fresh key prefix on a <see cref="TestRedis"/>, <c>migrate</c>, then the chosen executables as
/// real processes on free loopback ports, each waited for until its <c>/health</c> answers.
/// Disposing stops them with SIGTERM; the database is left behind (the test server is throwaway).
/// </summary>
public sealed partial class FediCluster : IAsyncDisposable
{
    private readonly FediClusterOptions _options;
    private readonly Dictionary<string, string> _environment;
    private readonly List<FediProcess> _workers = [];
    private readonly List<string> _workerUrls = [];
    private readonly List<FediProcess> _extraStreaming = [];
    private readonly List<string> _extraStreamingUrls = [];

    private FediCluster(TestDatabase database, string redisNamespace, Dictionary<string, string> environment, FediClusterOptions options)
    {
        Database = database;
        RedisNamespace = redisNamespace;
        _environment = environment;
        _options = options;
    }

    /// <summary>The web tier's base URL, <c>http://127.0.0.1:port</c> (also when it was not started).</summary>
    public string WebUrl { get; private init; } = "";

    /// <summary>The streaming tier's base URL for HTTP (health, SSE), <c>http://127.0.0.1:port</c>.</summary>
    public string StreamingUrl { get; private init; } = "";

    /// <summary>The streaming tier's base URL for WebSockets, as given to Fedi in <c>STREAMING_API_BASE_URL</c>.</summary>
    public string StreamingWebSocketUrl => "ws" + StreamingUrl["http".Length..];

    /// <summary>The first worker's health/metrics base URL; empty when no worker was started.</summary>
    public string WorkerUrl => _workerUrls.FirstOrDefault() ?? "";

    /// <summary>The database this instance uses.</summary>
    public TestDatabase Database { get; }

    /// <summary>Npgsql connection string to this instance's database, for assertions on rows.</summary>
    public string DatabaseConnectionString => Database.ConnectionString;

    /// <summary>This instance's Redis key and channel prefix (<c>REDIS_NAMESPACE</c>).</summary>
    public string RedisNamespace { get; }

    /// <summary>The settings every process of this instance gets (without <c>PORT</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The web process, when started.</summary>
    public FediProcess? Web { get; private set; }

    /// <summary>The streaming process, when started.</summary>
    public FediProcess? Streaming { get; private set; }

    /// <summary>The first worker process, when started.</summary>
    public FediProcess? Worker => _workers.FirstOrDefault();

    /// <summary>Every worker process, in start order.</summary>
    public IReadOnlyList<FediProcess> Workers => _workers;

    /// <summary>Health/metrics base URLs of <see cref="Workers"/>, in the same order.</summary>
    public IReadOnlyList<string> WorkerUrls => _workerUrls;

    /// <summary>An API client without a token, on <see cref="WebUrl"/>.</summary>
    public ApiClient Api => new(WebUrl);

    /// <summary>Builders of users and apps that go through this instance's API.</summary>
    public TestUsers Users => new(WebUrl);

    /// <summary>Creates a database and namespace, migrates, and starts the tiers in <paramref name="options"/>.</summary>
    public static async Task<FediCluster> StartAsync(
        TestPostgres postgres, TestRedis redis, FediClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new FediClusterOptions();
        var database = await postgres.CreateDatabaseAsync(options.DatabasePrefix, ct);
        var redisNamespace = TestRedis.NewNamespace();
        var webPort = FreePort.Next();
        var streamingPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["LOCAL_DOMAIN"] = $"localhost:{webPort}",
            ["DATABASE_URL"] = database.Url,
            ["REDIS_URL"] = redis.Url,
            ["REDIS_NAMESPACE"] = redisNamespace,
            ["STREAMING_API_BASE_URL"] = $"ws://127.0.0.1:{streamingPort}",
            ["BIND"] = "127.0.0.1",
            ["LOG_FORMAT"] = "text",
            // Tests make many requests quickly from one address; a test of a throttle turns them on with small limits.
            ["RATE_LIMITS"] = "off",
            // Each instance keeps its uploads apart, so a test can tell what its own requests stored.
            ["MEDIA_ROOT"] = Path.Combine(Path.GetTempPath(), $"fedi-media-{redisNamespace}"),
        };
        foreach (var (name, value) in options.ExtraEnvironment)
            environment[name] = value;

        var cluster = new FediCluster(database, redisNamespace, environment, options)
        {
            WebUrl = $"http://127.0.0.1:{webPort}",
            StreamingUrl = $"http://127.0.0.1:{streamingPort}",
        };
        try
        {
            await cluster.MigrateAsync(ct);
            await cluster.StartTiersAsync(webPort, streamingPort, ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more worker (own health port, <paramref name="extraEnvironment"/> over the instance's
    /// settings, command-line <paramref name="arguments"/> such as <c>--queues push</c>) and waits until it is healthy.</summary>
    public async Task<FediProcess> StartWorkerAsync(
        IReadOnlyDictionary<string, string>? extraEnvironment = null, CancellationToken ct = default, IEnumerable<string>? arguments = null)
    {
        var port = FreePort.Next();
        var name = _workers.Count == 0 ? "worker" : $"worker{_workers.Count + 1}";
        var worker = StartTier("Fedi.Worker", name, port, extraEnvironment, arguments);
        _workers.Add(worker);
        _workerUrls.Add($"http://127.0.0.1:{port}");
        await worker.WaitForHealthyAsync($"http://127.0.0.1:{port}/health", _options.StartTimeout, ct);
        return worker;
    }

    /// <summary>
    /// Starts one more streaming process (own port, same database, Redis and namespace), as a second instance
    /// behind a load balancer would be, and waits until it is healthy. Its base URL is added to <see cref="ExtraStreamingUrls"/>.
    /// </summary>
    public async Task<FediProcess> StartStreamingAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null, CancellationToken ct = default)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var streaming = StartTier("Fedi.Streaming", $"streaming{_extraStreaming.Count + 2}", port, extraEnvironment);
        _extraStreaming.Add(streaming);
        _extraStreamingUrls.Add(url);
        await streaming.WaitForHealthyAsync($"{url}/health", _options.StartTimeout, ct);
        return streaming;
    }

    /// <summary>HTTP base URLs of the processes <see cref="StartStreamingAsync"/> started, in start order.</summary>
    public IReadOnlyList<string> ExtraStreamingUrls => _extraStreamingUrls;

    /// <summary>Runs <c>Fedi.Web &lt;arguments&gt;</c> (the admin CLI) with this instance's settings.</summary>
    public async Task<CommandResult> RunCliAsync(IEnumerable<string> arguments, CancellationToken ct = default)
    {
        var args = arguments.ToList();
        await using var process = FediProcess.StartProject("Fedi.Web", _environment, args, name: "cli");
        return await CommandLine.CollectAsync(process, $"Fedi.Web {string.Join(' ', args)}", _options.StartTimeout, ct);
    }

    /// <summary>
    /// Creates a confirmed local account with the CLI (<c>accounts create</c>) and returns its e-mail and password;
    /// log in with <see cref="TestUsers.LogInAsync"/>.
    /// </summary>
    public async Task<(string Email, string Password)> CreateAccountWithCliAsync(string username, bool admin = false, CancellationToken ct = default)
    {
        var email = $"{username}@example.com";
        string[] arguments = ["accounts", "create", username, "--email", email, .. admin ? ["--admin"] : Array.Empty<string>()];
        var result = await RunCliAsync(arguments, ct);
        var password = result.Output.Select(line => PasswordLine().Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (result.ExitCode != 0 || password is null)
            throw new InvalidOperationException($"`accounts create {username}` failed (exit code {result.ExitCode}):\n{result.Text}");
        return (email, password);
    }

    /// <summary>Stops every process with SIGTERM, in parallel; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        FediProcess?[] processes = [Web, .. _extraWeb, Streaming, .. _extraStreaming, .. _workers];
        await Task.WhenAll(processes.OfType<FediProcess>().Select(p => p.DisposeAsync().AsTask()));
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        (await RunCliAsync(["migrate"], ct)).EnsureSuccess();
    }

    private async Task StartTiersAsync(int webPort, int streamingPort, CancellationToken ct)
    {
        var waits = new List<Task>();
        if (_options.Tiers.HasFlag(FediTiers.Web))
        {
            Web = StartTier("Fedi.Web", "web", webPort);
            waits.Add(Web.WaitForHealthyAsync($"{WebUrl}/health", _options.StartTimeout, ct));
        }
        if (_options.Tiers.HasFlag(FediTiers.Streaming))
        {
            Streaming = StartTier("Fedi.Streaming", "streaming", streamingPort);
            waits.Add(Streaming.WaitForHealthyAsync($"{StreamingUrl}/health", _options.StartTimeout, ct));
        }
        if (_options.Tiers.HasFlag(FediTiers.Worker))
            waits.Add(StartWorkerAsync(ct: ct));
        await Task.WhenAll(waits);
    }

    private FediProcess StartTier(
        string project, string name, int port, IReadOnlyDictionary<string, string>? extra = null, IEnumerable<string>? arguments = null)
    {
        var environment = new Dictionary<string, string>(_environment) { ["PORT"] = port.ToString() };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            environment[key] = value;
        return FediProcess.StartProject(project, environment, arguments, name: name);
    }

    [GeneratedRegex(@"^\s*password:\s*(\S+)\s*$")]
    private static partial Regex PasswordLine();
}
