namespace Fedi.Testing;

/// <summary>
/// Finds PostgreSQL's server programs and runs them as a user PostgreSQL accepts:
/// in PATH, else the highest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian keeps them there);
/// as the <c>postgres</c> system user when the tests run as root, since PostgreSQL refuses root.
/// </summary>
internal static class PostgresBinaries
{
    public static readonly Lazy<string> Directory = new(Find);

    public static string PathOf(string program) => Path.Combine(Directory.Value, program);

    /// <summary>The command and arguments that run <paramref name="program"/> as the server's user.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) AsServerUser(string program, IEnumerable<string> arguments) =>
        Native.IsRoot
            ? ("runuser", ["-u", "postgres", "--", PathOf(program), .. arguments])
            : (PathOf(program), [.. arguments]);

    /// <summary>Runs a server program as the server's user, throwing with its output on failure.</summary>
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var (fileName, args) = AsServerUser(program, arguments);
        return (await CommandLine.RunAsync(fileName, args, TimeSpan.FromSeconds(120), workingDirectory, ct: ct)).EnsureSuccess();
    }

    /// <summary>Hands <paramref name="directory"/> to the server's user when running as root.</summary>
    public static async Task GiveToServerUserAsync(string directory, CancellationToken ct)
    {
        if (Native.IsRoot)
            (await CommandLine.RunAsync("chown", ["-R", "postgres:", directory], TimeSpan.FromSeconds(30), ct: ct)).EnsureSuccess();
    }

    private static string Find()
    {
        var inPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (inPath is not null)
            return inPath;
        var installed = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => (Dir: dir, Version: decimal.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Dir, "bin", "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return installed ?? throw new FileNotFoundException(
            "PostgreSQL server programs (initdb, pg_ctl) are not in PATH nor in /usr/lib/postgresql/*/bin: "
            + "apt-get install -y postgresql, or set FEDI_TEST_DATABASE_URL to a running server.");
    }
}
