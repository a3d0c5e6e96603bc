using System.Text.RegularExpressions;

namespace Fedi.Web.Tests.Hardening;

/// <summary>One line of <c>Fedi.Web routes</c>: a method, a route template and what it asks of a token.</summary>
public sealed record RouteEntry(string Method, string Template, string Kind, IReadOnlyList<string> Scopes)
{
    /// <summary>The template with every parameter filled: ids with <paramref name="id"/>, catch-alls with "x".</summary>
    public string Path(string id = "1") => Regex.Replace(Regex.Replace(Template, @"\{\*\*[^}]+\}", "x"), @"\{[^}]+\}", id);

    public override string ToString() => $"{Method} {Template} {Kind} {string.Join(',', Scopes)}";
}

/// <summary>The web tier's route table as its <c>routes</c> command prints it, read once per test run.</summary>
public static partial class RouteTable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<RouteEntry>? _routes;

    public static async Task<IReadOnlyList<RouteEntry>> AllAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _routes ??= Parse((await WebCluster.Cluster.RunCliAsync(["routes"])).EnsureSuccess().Output);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Routes a client can call with a method (the catch-all streaming redirect answers every method).</summary>
    public static async Task<IReadOnlyList<RouteEntry>> CallableAsync() =>
        (await AllAsync()).Where(r => r.Method != "*").ToList();

    private static List<RouteEntry> Parse(IEnumerable<string> output) =>
        output.Select(line => Line().Match(line)).Where(m => m.Success)
            .Select(m => new RouteEntry(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value,
                m.Groups[4].Value == "-" ? [] : m.Groups[4].Value.Split(',')))
            .ToList();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\*) (/\S*) (\S+) (\S+)$")]
    private static partial Regex Line();
}
