using System.Runtime.InteropServices;

namespace Fedi.Testing;

/// <summary>The few libc calls the harness needs: signals and the effective user id.</summary>
internal static partial class Native
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>True when the test runs as root, where PostgreSQL must run as another user.</summary>
    public static bool IsRoot => geteuid() == 0;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone.</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
