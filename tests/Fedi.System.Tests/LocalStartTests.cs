using System.Globalization;
using Fedi.Testing;

namespace Fedi.System.Tests;

/// <summary><c>deploy/local/start.sh</c> run twice on one data folder: the second run leaves the first alone.</summary>
public sealed class LocalStartTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Test]
    public async Task A_second_start_exits_at_once_saying_so_and_the_first_instance_keeps_answering()
    {
        var data = Directory.CreateTempSubdirectory("fedi-start-").FullName;
        // As root PostgreSQL runs as `postgres`, which must reach the folder.
        (await CommandLine.RunAsync("chmod", ["755", data], TimeSpan.FromSeconds(10))).EnsureSuccess();
        var ports = new[] { "FEDI_PG_PORT", "FEDI_REDIS_PORT", "FEDI_WEB_PORT", "FEDI_STREAMING_PORT", "FEDI_WORKER_PORT" }
            .ToDictionary(name => name, _ => FreePort.Next().ToString(CultureInfo.InvariantCulture));
        var environment = new Dictionary<string, string>(ports) { ["FEDI_DATA_DIR"] = data, ["FEDI_NO_BUILD"] = "1" };
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "local", "start.sh");
        var web = $"http://127.0.0.1:{ports["FEDI_WEB_PORT"]}/health";
        var streaming = $"http://127.0.0.1:{ports["FEDI_STREAMING_PORT"]}/health";

        await using var first = FediProcess.Start("start", "bash", [script], environment);
        try
        {
            await first.WaitForHealthyAsync(web, TimeSpan.FromSeconds(180));
            await first.WaitForHealthyAsync(streaming, TimeSpan.FromSeconds(60));

            var second = await CommandLine.RunAsync("bash", [script], TimeSpan.FromSeconds(20), environment: environment);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(second.ExitCode, Is.Not.Zero, second.Text);
                Assert.That(second.Text, Does.Contain("Fedi is already running on").And.Not.Contain("Building"));
                Assert.That(await AcceptsAsync(ports["FEDI_PG_PORT"]), Is.True, "the first run's PostgreSQL");
                Assert.That(await AcceptsAsync(ports["FEDI_REDIS_PORT"]), Is.True, "the first run's Redis");
                Assert.That(first.HasExited, Is.False, first.Describe());
                Assert.That((int)(await Http.GetAsync(web)).StatusCode, Is.EqualTo(200));
                Assert.That((int)(await Http.GetAsync(streaming)).StatusCode, Is.EqualTo(200), "streaming, which needs the first run's Redis");
            });
        }
        finally
        {
            await first.StopAsync(TimeSpan.FromSeconds(90));
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<bool> AcceptsAsync(string port)
    {
        using var client = new global::System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", int.Parse(port, CultureInfo.InvariantCulture));
            return true;
        }
        catch (global::System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
