namespace Fedi.Testing.Tests;

public class CommandLineTests
{
    [Test]
    public async Task A_command_runs_to_its_end_and_gives_its_output()
    {
        var result = await CommandLine.RunAsync("bash", ["-c", "echo out; echo err >&2"], TimeSpan.FromSeconds(10));

        Assert.That(result.EnsureSuccess().Output, Is.EquivalentTo(new[] { "out", "err" }));
    }

    [Test]
    public async Task A_failed_command_throws_with_its_output_when_success_is_required()
    {
        var result = await CommandLine.RunAsync("bash", ["-c", "echo 'disk full' >&2; exit 4"], TimeSpan.FromSeconds(10));

        Assert.That(result.ExitCode, Is.EqualTo(4));
        Assert.That(() => result.EnsureSuccess(),
            Throws.InvalidOperationException.With.Message.Contains("exit code 4").And.Message.Contains("disk full"));
    }

    [Test]
    public void A_command_that_runs_too_long_is_killed()
    {
        Assert.ThrowsAsync<TimeoutException>(() => CommandLine.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300)));
    }
}
