using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary>Each executable refuses to run on bad settings or an old schema, saying what to fix.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> ValidSettings() => new(SystemCluster.Cluster.Environment)
    {
        ["PORT"] = FreePort.Next().ToString(global::System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<CommandResult> RunAsync(string project, Dictionary<string, string> settings, params string[] arguments)
    {
        await using var process = FediProcess.StartProject(project, settings, arguments);
        return await CommandLine.CollectAsync(process, project, ExitDeadline);
    }

    [TestCase("Fedi.Web")]
    [TestCase("Fedi.Streaming")]
    [TestCase("Fedi.Worker")]
    public async Task A_missing_local_domain_stops_the_process_naming_the_setting(string project)
    {
        var settings = ValidSettings();
        settings.Remove("LOCAL_DOMAIN");

        var result = await RunAsync(project, settings);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.Text);
        Assert.That(result.Text, Does.Contain("LOCAL_DOMAIN"));
    }

    [TestCase("DB_POOL", "lots")]
    [TestCase("DATABASE_URL", "mysql://db/fedi")]
    [TestCase("REDIS_URL", "http://localhost")]
    [TestCase("REDIS_NAMESPACE", "fedi*")]
    [TestCase("USER_ACTIVE_DAYS", "0")]
    [TestCase("LOG_FORMAT", "xml")]
    [TestCase("REGISTRATIONS_MODE", "sometimes")]
    public async Task A_malformed_setting_stops_the_web_tier_naming_it(string name, string value)
    {
        var settings = ValidSettings();
        settings[name] = value;

        var result = await RunAsync("Fedi.Web", settings);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.Text);
        Assert.That(result.Text, Does.Contain(name));
    }

    [Test]
    public async Task An_unknown_user_channels_mode_stops_the_streaming_tier_naming_the_setting()
    {
        var settings = ValidSettings();
        settings["STREAMING_USER_CHANNELS"] = "sometimes";

        var result = await RunAsync("Fedi.Streaming", settings);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.Text);
        Assert.That(result.Text, Does.Contain("STREAMING_USER_CHANNELS").And.Contain("pattern, subscribe"));
    }

    [Test]
    public async Task A_server_refuses_a_database_with_pending_migrations_until_migrate_runs()
    {
        var database = await SystemCluster.Postgres.CreateDatabaseAsync("unmigrated");
        var settings = ValidSettings();
        settings["DATABASE_URL"] = database.Url;

        var refused = await RunAsync("Fedi.Web", settings);
        var migrated = await RunAsync("Fedi.Web", settings, "migrate");
        var again = await RunAsync("Fedi.Web", settings, "migrate");

        Assert.That(refused.ExitCode, Is.EqualTo(78), refused.Text);
        Assert.That(refused.Text, Does.Contain("pending migration").And.Contain("migrate"));
        Assert.That(migrated.ExitCode, Is.Zero, migrated.Text);
        Assert.That(migrated.Text, Does.Contain("Applied"));
        Assert.That(again.Text, Does.Contain("up to date"));
    }
}
