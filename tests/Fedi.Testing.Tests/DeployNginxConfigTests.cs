namespace Fedi.Testing.Tests;

public class DeployNginxConfigTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Upstreams = new()
    {
        ["fedi_web"] = ["127.0.0.1:1001"],
        ["fedi_streaming"] = ["127.0.0.1:1002", "127.0.0.1:1003"],
        ["fedi_streaming_hubs"] = ["127.0.0.1:1002", "127.0.0.1:1003"],
    };

    private static readonly NginxSiteBindings Site = new(Upstreams, 8080, 8443, "/t/cert.pem", "/t/key.pem", "/t/acme");

    [Test]
    public void The_shipped_site_renders_with_only_the_host_specific_lines_changed()
    {
        var shipped = File.ReadAllText(DeployNginxConfig.FilePath);

        var rendered = DeployNginxConfig.Render(shipped, Site);

        Assert.That(rendered, Does.Contain("server 127.0.0.1:1002 fail_timeout=0;\n  server 127.0.0.1:1003 fail_timeout=0;"));
        Assert.That(rendered, Does.Contain("listen 127.0.0.1:8080;").And.Contain("listen 127.0.0.1:8443 ssl http2;"));
        Assert.That(rendered, Does.Contain("ssl_certificate     \"/t/cert.pem\";").And.Contain("ssl_certificate_key \"/t/key.pem\";"));
        Assert.That(rendered, Does.Contain("root \"/t/acme\";"));
        Assert.That(rendered, Does.Not.Contain(":4000").And.Not.Contain(":3000").And.Not.Contain("[::]").And.Not.Contain("letsencrypt"));
        string[] substituted = ["server ", "listen ", "ssl_certificate ", "ssl_certificate_key ", "root "];
        Assert.That(Lines(rendered).Except(Lines(shipped)), Has.All.Matches<string>(line => substituted.Any(line.StartsWith)), "added lines");
        Assert.That(Lines(shipped).Except(Lines(rendered)), Has.All.Matches<string>(line => substituted.Any(line.StartsWith)), "removed lines");
    }

    [Test]
    public void A_site_without_a_line_the_test_must_change_fails_naming_it()
    {
        var shipped = File.ReadAllText(DeployNginxConfig.FilePath);
        var withoutKey = string.Join('\n', shipped.Split('\n').Where(line => !line.Contains("ssl_certificate_key")));

        var error = Assert.Throws<InvalidOperationException>(() => DeployNginxConfig.Render(withoutKey, Site));

        Assert.That(error.Message, Does.Contain("ssl_certificate_key"));
    }

    [Test]
    public void An_upstream_the_test_does_not_know_fails_naming_it()
    {
        const string site = "upstream fedi_media {\n  server 127.0.0.1:5000;\n}\n";

        var error = Assert.Throws<InvalidOperationException>(() => DeployNginxConfig.Render(site, Site));

        Assert.That(error.Message, Does.Contain("fedi_media"));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
}
