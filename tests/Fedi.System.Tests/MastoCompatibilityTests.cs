using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary>
/// masto (the Mastodon client library for JavaScript) against the running system, unmodified: if it
/// works with Fedi as it does with Mastodon, so do the apps built on it. See tests/compat/.
/// </summary>
public sealed class MastoCompatibilityTests
{
    [Test]
    public Task The_masto_client_library_registers_signs_up_follows_posts_reads_and_streams() =>
        RunScriptAsync("masto-smoke.mjs", "masto compatibility: all checks passed");

    [Test]
    public Task A_day_of_use_through_masto_favourites_reblogs_threads_edits_notifications_search_and_markers() =>
        RunScriptAsync("masto-day.mjs", "masto day of use: all checks passed");

    private static async Task RunScriptAsync(string script, string successLine)
    {
        var compat = Path.Combine(RepositoryPaths.Root, "tests", "compat");
        var node = Path.Combine(compat, "node_modules", ".bin", "node");
        Assert.That(File.Exists(node), Is.True,
            $"Node 22 for masto is missing: run `npm ci` in {compat} (tests/run.sh does)");

        var result = await CommandLine.RunAsync(node, [script], TimeSpan.FromSeconds(60), compat,
            new Dictionary<string, string> { ["FEDI_WEB_URL"] = SystemCluster.Cluster.WebUrl });

        Assert.That(result.ExitCode, Is.Zero, result.Text);
        Assert.That(result.Text, Does.Contain(successLine));
    }
}
