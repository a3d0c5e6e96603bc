namespace Fedi.Testing;

/// <summary>A child process did not do what the test needed (exited early, failed); the message carries its last output.</summary>
public sealed class FediProcessException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/> followed by the process's captured output.</summary>
    public FediProcessException(string message, FediProcess process)
        : base($"{message}\n{process.Describe()}")
    {
        Process = process;
    }

    /// <summary>The process concerned.</summary>
    public FediProcess Process { get; }
}
