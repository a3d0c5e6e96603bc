namespace Fedi.Testing.Tests;

public class FediProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task SIGTERM_lets_the_process_shut_down_and_its_exit_code_is_reported()
    {
        await using var process = Bash("trap 'echo stopping; exit 7' TERM; echo ready; while true; do sleep 0.1; done");
        await process.WaitForOutputAsync(line => line == "ready", Timeout);

        var exitCode = await process.StopAsync(Timeout);

        Assert.That(exitCode, Is.EqualTo(7));
        Assert.That(process.ExitCode, Is.EqualTo(7));
        Assert.That(process.Output, Does.Contain("stopping"));
    }

    [Test]
    public async Task Kill_ends_the_process_with_SIGKILL()
    {
        await using var process = FediProcess.Start("sleep", "sleep", ["30"]);

        process.Kill();

        Assert.That(await process.WaitForExitAsync(Timeout), Is.EqualTo(128 + 9));
    }

    [Test]
    public async Task Waiting_for_health_fails_fast_with_the_output_when_the_process_exits()
    {
        await using var process = Bash("echo 'LOCAL_DOMAIN is missing' >&2; exit 3");
        var started = DateTime.UtcNow;

        var error = Assert.ThrowsAsync<FediProcessException>(() =>
            process.WaitForHealthyAsync($"http://127.0.0.1:{FreePort.Next()}/health", TimeSpan.FromSeconds(30)));

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(error.Message, Does.Contain("exited with code 3").And.Contain("LOCAL_DOMAIN is missing"));
    }

    [Test]
    public async Task Waiting_for_output_sees_lines_already_written_and_lines_to_come()
    {
        await using var process = Bash("echo first; sleep 0.5; echo second; sleep 30");

        var first = await process.WaitForOutputAsync(line => line.StartsWith("fir", StringComparison.Ordinal), Timeout);
        await Task.Delay(100);
        var again = await process.WaitForOutputAsync(line => line == "first", Timeout);
        var second = await process.WaitForOutputAsync(line => line == "second", Timeout);

        Assert.That((first, again, second), Is.EqualTo(("first", "first", "second")));
    }

    [Test]
    public async Task Waiting_for_output_fails_when_the_process_exits_without_it()
    {
        await using var process = Bash("echo nothing useful");

        Assert.ThrowsAsync<FediProcessException>(() => process.WaitForOutputAsync(line => line == "never", Timeout));
        Assert.That(await process.WaitForExitAsync(Timeout), Is.Zero);
    }

    [Test]
    public async Task The_child_gets_the_given_settings_and_PATH_but_not_the_runners_variables()
    {
        Environment.SetEnvironmentVariable("FEDI_HARNESS_LEAK", "leaked");
        await using var process = FediProcess.Start(
            "env", "bash", ["-c", "echo \"${FEDI_HARNESS_LEAK:-unset} $GIVEN ${PATH:+has-path}\""],
            new Dictionary<string, string> { ["GIVEN"] = "given" });

        await process.WaitForExitAsync(Timeout);

        Assert.That(process.Output, Is.EqualTo(new[] { "unset given has-path" }));
    }

    private static FediProcess Bash(string script) => FediProcess.Start("bash", "bash", ["-c", script]);
}
