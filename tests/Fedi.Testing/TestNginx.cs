namespace Fedi.Testing;

/// <summary>
/// The real nginx running the shipped site <c>deploy/nginx/fedi.conf</c> (rendered by <see cref="DeployNginxConfig"/>)
/// in a prefix of its own: loopback ports, a <see cref="TestCertificate"/>, logs on the captured output.
/// Started with <c>nginx -p prefix -c nginx.conf -g 'daemon off;'</c>, stopped with SIGTERM on dispose.
/// </summary>
public sealed class TestNginx : IAsyncDisposable
{
    /// <summary>Where Debian's <c>nginx</c> package puts the binary.</summary>
    public const string Binary = "/usr/sbin/nginx";

    private const string ProbeFile = "fedi-test-probe";
    private readonly string _prefix;
    private readonly FediProcess _process;

    private TestNginx(string prefix, FediProcess process, TestCertificate certificate, int httpPort, int httpsPort)
    {
        _prefix = prefix;
        _process = process;
        Certificate = certificate;
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        HttpsUrl = $"https://127.0.0.1:{httpsPort}";
    }

    /// <summary>The plain HTTP server (<c>listen 80</c>): ACME challenges and the redirect to HTTPS.</summary>
    public string HttpUrl { get; }

    /// <summary>The TLS server (<c>listen 443</c>), the one clients use.</summary>
    public string HttpsUrl { get; }

    /// <summary>The certificate the TLS server presents; clients trust it through <see cref="TestCertificate.Validate"/>.</summary>
    public TestCertificate Certificate { get; }

    /// <summary>The nginx master process (its error log and access log are its output).</summary>
    public FediProcess Process => _process;

    /// <summary>Renders the deploy site with <paramref name="upstreams"/> (name → <c>127.0.0.1:port</c> servers), starts nginx and waits until it serves.</summary>
    public static async Task<TestNginx> StartAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> upstreams, CancellationToken ct = default)
    {
        EnsureInstalled();
        var prefix = Directory.CreateTempSubdirectory("fedi-nginx-").FullName;
        var webroot = Directory.CreateDirectory(Path.Combine(prefix, "acme")).FullName;
        var challenges = Directory.CreateDirectory(Path.Combine(webroot, ".well-known", "acme-challenge")).FullName;
        await File.WriteAllTextAsync(Path.Combine(challenges, ProbeFile), "ok", ct);
        var certificate = TestCertificate.Create(prefix);
        var (httpPort, httpsPort) = (FreePort.Next(), FreePort.Next());
        var site = DeployNginxConfig.Render(
            await File.ReadAllTextAsync(DeployNginxConfig.FilePath, ct),
            new NginxSiteBindings(upstreams, httpPort, httpsPort, certificate.CertificatePath, certificate.KeyPath, webroot));
        await File.WriteAllTextAsync(Path.Combine(prefix, "fedi.conf"), site, ct);
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), MainConfig(prefix), ct);

        var process = FediProcess.Start("nginx", Binary, ["-p", prefix + "/", "-c", Path.Combine(prefix, "nginx.conf"), "-e", "stderr", "-g", "daemon off;"]);
        var nginx = new TestNginx(prefix, process, certificate, httpPort, httpsPort);
        try
        {
            await process.WaitForHealthyAsync($"{nginx.HttpUrl}/.well-known/acme-challenge/{ProbeFile}", TimeSpan.FromSeconds(10), ct);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fails, saying how to install it, when nginx is missing: a test that needs it must not pass without it.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(Binary))
            throw new FileNotFoundException($"nginx is not installed ({Binary} is missing): apt-get install nginx (.ci/run installs it).", Binary);
    }

    /// <summary>An HTTP client for <see cref="HttpsUrl"/> that trusts <see cref="Certificate"/>; the caller disposes it.</summary>
    public HttpClient CreateClient() => new(Certificate.CreateHandler()) { BaseAddress = new Uri(HttpsUrl), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Stops nginx (SIGTERM: fast shutdown, open connections are cut) and removes its prefix.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }

    // Only what nginx needs around the site: everything it writes stays in the prefix. Two workers, as a
    // production `worker_processes auto` would have, so least_conn must count connections across workers.
    private static string MainConfig(string prefix) => $$"""
        {{(Native.IsRoot ? "user root;" : "")}}
        worker_processes 2;
        pid "{{prefix}}/nginx.pid";
        error_log stderr notice;
        events {
          worker_connections 512;
        }
        http {
          log_format fedi_test '$request_method $uri $status upstream=$upstream_addr';
          access_log /dev/stdout fedi_test;
          client_body_temp_path "{{prefix}}/body";
          proxy_temp_path "{{prefix}}/proxy";
          fastcgi_temp_path "{{prefix}}/fastcgi";
          uwsgi_temp_path "{{prefix}}/uwsgi";
          scgi_temp_path "{{prefix}}/scgi";
          include "{{prefix}}/fedi.conf";
        }
        """;
}
