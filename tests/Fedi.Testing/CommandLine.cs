namespace Fedi.Testing;

/// <summary>Runs short commands to their end (initdb, pg_ctl, chown, <c>Fedi.Web migrate</c>).</summary>
public static class CommandLine
{
    /// <summary>Runs a command and returns its exit code and output; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default)
    {
        await using var process = FediProcess.Start(Path.GetFileName(fileName), fileName, arguments, environment, workingDirectory);
        return await CollectAsync(process, timeout, ct);
    }

    /// <summary>As <see cref="RunAsync"/>, but throws <see cref="InvalidOperationException"/> with the output when the exit code is not 0.</summary>
    public static async Task<CommandResult> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default)
    {
        var args = arguments.ToList();
        var result = await RunAsync(fileName, args, timeout, workingDirectory, environment, ct);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"`{fileName} {string.Join(' ', args)}` failed with exit code {result.ExitCode}:\n{result.Text}");
    }

    /// <summary>Waits for an already started process to end and returns what it did.</summary>
    public static async Task<CommandResult> CollectAsync(FediProcess process, TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            var exitCode = await process.WaitForExitAsync(timeout, ct);
            return new CommandResult(exitCode, process.Output);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }
    }
}

/// <summary>The end of a command: its exit code and its stdout and stderr lines, interleaved as they came.</summary>
public sealed record CommandResult(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>The output as one text.</summary>
    public string Text => string.Join('\n', Output);
}
