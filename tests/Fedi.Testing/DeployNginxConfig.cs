using System.Text;
using System.Text.RegularExpressions;

namespace Fedi.Testing;

/// <summary>Where a test puts what <c>deploy/nginx/fedi.conf</c> names for a real host.</summary>
/// <param name="Upstreams">Each upstream block's servers (<c>127.0.0.1:port</c>), by upstream name; every block of the file must be named.</param>
/// <param name="HttpPort">Replaces <c>listen 80</c>, on 127.0.0.1.</param>
/// <param name="HttpsPort">Replaces <c>listen 443</c>, on 127.0.0.1.</param>
/// <param name="CertificatePath">Replaces <c>ssl_certificate</c>.</param>
/// <param name="KeyPath">Replaces <c>ssl_certificate_key</c>.</param>
/// <param name="AcmeWebroot">Replaces the <c>root</c> of the ACME challenge location.</param>
public sealed record NginxSiteBindings(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Upstreams,
    int HttpPort,
    int HttpsPort,
    string CertificatePath,
    string KeyPath,
    string AcmeWebroot);

/// <summary>
/// Renders the nginx site shipped in <c>deploy/nginx/fedi.conf</c> for a test: the same text with only what a
/// test host must change substituted. Each substitution must find its target: when the deploy file changes shape,
/// rendering fails naming what it no longer finds, instead of testing a config that is not the shipped one.
/// </summary>
public static partial class DeployNginxConfig
{
    /// <summary>The shipped site file.</summary>
    public static string FilePath => Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "fedi.conf");

    /// <summary>Renders <paramref name="config"/> (the text of <see cref="FilePath"/>) with <paramref name="site"/>.</summary>
    public static string Render(string config, NginxSiteBindings site)
    {
        var text = RenderUpstreams(config, site.Upstreams);
        // A test host may have no IPv6 at all (containers often do not); the IPv4 listens stay.
        text = Substitute(text, "an IPv6 listen ([::]:port)", Ipv6Listen(), _ => "");
        text = Substitute(text, "listen 80", Listen(), m => m.Groups[2].Value == "80" ? $"{m.Groups[1].Value}127.0.0.1:{site.HttpPort}" : m.Value);
        text = Substitute(text, "listen 443", Listen(), m => m.Groups[2].Value == "443" ? $"{m.Groups[1].Value}127.0.0.1:{site.HttpsPort}" : m.Value);
        text = Substitute(text, "ssl_certificate", Directive("ssl_certificate"), m => $"{m.Groups[1].Value}\"{site.CertificatePath}\";");
        text = Substitute(text, "ssl_certificate_key", Directive("ssl_certificate_key"), m => $"{m.Groups[1].Value}\"{site.KeyPath}\";");
        return Substitute(text, "the ACME challenge location's root", AcmeRoot(), m => $"{m.Groups[1].Value}\"{site.AcmeWebroot}\";");
    }

    private static string RenderUpstreams(string config, IReadOnlyDictionary<string, IReadOnlyList<string>> upstreams)
    {
        var rendered = new HashSet<string>();
        var text = Upstream().Replace(config, block =>
        {
            var name = block.Groups[1].Value;
            if (!upstreams.TryGetValue(name, out var servers))
                throw new InvalidOperationException($"{FilePath}: the test does not know where to point upstream {name}.");
            rendered.Add(name);
            // The first server line is the template: its options (fail_timeout…) apply to every test server.
            var template = UpstreamServer().Match(block.Value);
            if (!template.Success)
                throw new InvalidOperationException($"{FilePath}: upstream {name} has no server line.");
            var lines = new StringBuilder();
            foreach (var server in servers)
                lines.Append(template.Groups[1].Value).Append(server).Append(template.Groups[3].Value).Append('\n');
            var first = true;
            return UpstreamServer().Replace(block.Value, _ =>
            {
                var replacement = first ? lines.ToString().TrimEnd('\n') : "";
                first = false;
                return replacement;
            });
        });
        var missing = upstreams.Keys.Except(rendered).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{FilePath}: no upstream block {string.Join(", ", missing)}.");
        return text;
    }

    private static string Substitute(string text, string what, Regex pattern, MatchEvaluator replace)
    {
        var changed = false;
        var result = pattern.Replace(text, m =>
        {
            var replacement = replace(m);
            changed |= replacement != m.Value;
            return replacement;
        });
        if (!changed)
            throw new InvalidOperationException($"{FilePath}: found no {what} to substitute; update {nameof(DeployNginxConfig)} to the file's new shape.");
        return result;
    }

    [GeneratedRegex(@"^upstream[ \t]+(\w+)[ \t]*\{.*?^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^([ \t]*server[ \t]+)(\S+)([^;\n]*;)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^[ \t]*listen[ \t]+\[::\]:\d+[^;\n]*;[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();

    [GeneratedRegex(@"^([ \t]*listen[ \t]+)(\d+)\b", RegexOptions.Multiline)]
    private static partial Regex Listen();

    private static Regex Directive(string name) => new($@"^([ \t]*{name}[ \t]+)[^;\n]+;", RegexOptions.Multiline);

    [GeneratedRegex(@"(location[ \t]+/\.well-known/acme-challenge/[ \t]*\{\s*root[ \t]+)[^;]+;")]
    private static partial Regex AcmeRoot();
}
