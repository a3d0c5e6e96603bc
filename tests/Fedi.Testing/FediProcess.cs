using System.Diagnostics;
using NUnit.Framework;

namespace Fedi.Testing;

/// <summary>
/// One child process under test: a Fedi executable (<c>dotnet Fedi.Web.dll</c>) or any command.
/// Starts with a clean environment (see <see cref="ChildEnvironment"/>) plus the given settings,
/// captures stdout and stderr lines into a bounded buffer, and stops the way systemd does (SIGTERM).
/// Set <c>FEDI_TEST_ECHO_LOGS=1</c> to see every line live in the test output, prefixed <c>[name]</c>.
/// </summary>
public sealed class FediProcess : IAsyncDisposable
{
    private const int CapturedLines = 5000;
    private static readonly bool EchoLogs = Environment.GetEnvironmentVariable("FEDI_TEST_ECHO_LOGS") == "1";
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Process _process;
    private readonly OutputBuffer _output = new(CapturedLines);
    private readonly Task _exited;

    private FediProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Completes on the exit and the end of both output streams.
        _exited = process.WaitForExitAsync();
        _exited.ContinueWith(
            _ => _output.Complete(() => new FediProcessException($"{Name} exited with code {ExitCode}.", this)),
            TaskScheduler.Default);
    }

    /// <summary>The short name used in log prefixes and messages, e.g. <c>web</c>.</summary>
    public string Name { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id { get; }

    /// <summary>True once the process has exited and its output has been read to the end.</summary>
    public bool HasExited => _exited.IsCompleted;

    /// <summary>The exit code once <see cref="HasExited"/>; null while running. 128 + N after signal N.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>The captured stdout and stderr lines, oldest first (the last 5000 at most).</summary>
    public IReadOnlyList<string> Output => _output.Snapshot();

    /// <summary>Starts any command, e.g. <c>Start("sleep", "sleep", ["30"])</c>.</summary>
    /// <param name="name">Short name for log prefixes.</param>
    /// <param name="fileName">The program, found in PATH when not a path.</param>
    /// <param name="arguments">Arguments, passed as they are (no shell quoting).</param>
    /// <param name="environment">Settings added to the clean environment.</param>
    /// <param name="workingDirectory">Defaults to the repository root when found, else the current folder.</param>
    public static FediProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        ChildEnvironment.Apply(info.Environment, environment);
        return new FediProcess(name, new Process { StartInfo = info });
    }

    /// <summary>
    /// Starts a built Fedi project (<c>dotnet &lt;repo&gt;/Fedi.Web/bin/&lt;Configuration&gt;/net10.0/Fedi.Web.dll</c>).
    /// With no <paramref name="arguments"/> it runs its server.
    /// </summary>
    /// <param name="project">The project name, e.g. <c>Fedi.Web</c>.</param>
    /// <param name="environment">Its settings (LOCAL_DOMAIN, DATABASE_URL, …).</param>
    /// <param name="arguments">Command line, e.g. <c>["migrate"]</c>.</param>
    /// <param name="name">Log prefix; defaults to the project name without <c>Fedi.</c>, lowercased.</param>
    public static FediProcess StartProject(
        string project,
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? arguments = null,
        string? name = null)
    {
        var dll = RepositoryPaths.ExecutablePath(project);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; run `dotnet build Fedi.sln -c {RepositoryPaths.Configuration}` first.", dll);
        return Start(
            name ?? project.Replace("Fedi.", "", StringComparison.Ordinal).ToLowerInvariant(),
            DotnetHost,
            [dll, .. arguments ?? []],
            environment,
            RepositoryPaths.Root);
    }

    /// <summary>Waits until the process exits; returns its exit code. Throws <see cref="TimeoutException"/> (and leaves it running) when it does not.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            await _exited.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}.\n{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>
    /// Stops the process as systemd would: SIGTERM, then waits up to <paramref name="timeout"/>.
    /// Returns the exit code. If it is still running then, it is killed and <see cref="TimeoutException"/> thrown.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        if (!HasExited)
            Native.Signal(Id, Native.SigTerm);
        try
        {
            await _exited.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not stop within {timeout} of SIGTERM and was killed.\n{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or the OOM killer would.</summary>
    public void Kill()
    {
        if (!HasExited)
            Native.Signal(Id, Native.SigKill);
    }

    /// <summary>The first captured line (already written or still to come) that matches; fails if the process exits first.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            return await _output.WaitForAsync(predicate, ct).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} wrote no matching line within {timeout}.\n{Describe()}");
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200. Fails at once, with the captured output,
    /// when the process exits first, and with <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForHealthyAsync(string url, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var lastProblem = "no answer yet";
        while (true)
        {
            if (HasExited)
                throw new FediProcessException($"{Name} exited with code {ExitCode} before {url} answered.", this);
            try
            {
                using var response = await HealthClient.GetAsync(url, ct);
                if (response.IsSuccessStatusCode)
                    return;
                lastProblem = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                lastProblem = e.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{url} was not healthy within {timeout} ({lastProblem}).\n{Describe()}");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>A description for failure messages: name, pid, state and the last captured lines.</summary>
    public string Describe(int lastLines = 150)
    {
        var lines = Output;
        var state = HasExited ? $"exited with code {ExitCode}" : "running";
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Count - lastLines)));
        return $"--- {Name} (pid {Id}, {state}), last {Math.Min(lastLines, lines.Count)} lines ---\n{tail}\n--- end of {Name} ---";
    }

    /// <summary>Stops the process with SIGTERM if it still runs (killing it after 15 s), never throwing.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            // Killed; the test that cared has already failed on its own assertion.
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        _output.Add(line);
        if (EchoLogs)
            TestContext.Progress.WriteLine($"[{Name}] {line}");
    }

    // Under `dotnet test` the test host itself runs on the dotnet muxer; use the same one.
    private static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
