using System.Diagnostics;

namespace Fedi.Benchmarks.Streaming.Versus;

/// <summary>Runs a command to its end within a time limit, its output echoed with a prefix.</summary>
public static class ExternalCommand
{
    public static async Task<int> RunAsync(string prefix, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, CancellationToken ct, bool echoStdout = true)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (echoStdout) Echo(prefix, e.Data); };
        process.ErrorDataReceived += (_, e) => Echo(prefix, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        return process.ExitCode;
    }

    private static void Echo(string prefix, string? line)
    {
        if (line is not null) Console.Error.WriteLine($"[{prefix}] {line}");
    }
}
