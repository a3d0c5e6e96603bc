namespace Fedi.Testing;

public sealed partial class FediCluster
{
    private readonly List<FediProcess> _extraWeb = [];

    /// <summary>
    /// Starts one more web process (own port, same database, Redis and namespace), as a second one behind nginx
    /// would be, and waits until it is healthy. Returns its base URL, <c>http://127.0.0.1:port</c>.
    /// </summary>
    public async Task<string> StartWebAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null, CancellationToken ct = default)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var web = StartTier("Fedi.Web", $"web{_extraWeb.Count + 2}", port, extraEnvironment);
        _extraWeb.Add(web);
        await web.WaitForHealthyAsync($"{url}/health", _options.StartTimeout, ct);
        return url;
    }

    /// <summary>Kills the web process (SIGKILL: no shutdown, requests cut mid-flight) and starts a new one on the same
    /// port, waiting until it is healthy.</summary>
    public async Task RestartWebAfterCrashAsync(CancellationToken ct = default)
    {
        var crashed = Web ?? throw new InvalidOperationException("The web tier was not started.");
        crashed.Kill();
        await crashed.WaitForExitAsync(TimeSpan.FromSeconds(10), ct);
        await crashed.DisposeAsync();
        var port = new Uri(WebUrl).Port;
        Web = StartTier("Fedi.Web", "web", port);
        await Web.WaitForHealthyAsync($"{WebUrl}/health", _options.StartTimeout, ct);
    }
}
