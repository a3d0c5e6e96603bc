namespace Fedi.Testing;

/// <summary>Runs short commands to their end (initdb, pg_ctl, chown, node scripts).</summary>
public static class CommandLine
{
    /// <summary>
    /// Runs a command and returns its exit code and output (check it with <see cref="CommandResult.EnsureSuccess"/>);
    /// kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default)
    {
        var args = arguments.ToList();
        await using var process = FediProcess.Start(Path.GetFileName(fileName), fileName, args, environment, workingDirectory);
        return await CollectAsync(process, $"{fileName} {string.Join(' ', args)}", timeout, ct);
    }

    /// <summary>Waits for an already started process to end and returns what it did; kills it after <paramref name="timeout"/>.</summary>
    public static async Task<CommandResult> CollectAsync(FediProcess process, string command, TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            var exitCode = await process.WaitForExitAsync(timeout, ct);
            return new CommandResult(command, exitCode, process.Output);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }
    }
}

/// <summary>The end of a command: its exit code and its stdout and stderr lines, interleaved as they came.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The exit code (128 + N after signal N).</param>
/// <param name="Output">Its stdout and stderr lines.</param>
public sealed record CommandResult(string Command, int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>The output as one text.</summary>
    public string Text => string.Join('\n', Output);

    /// <summary>Returns this when the exit code is 0; otherwise throws <see cref="InvalidOperationException"/> with the output.</summary>
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"`{Command}` failed with exit code {ExitCode}:\n{Text}");
}
