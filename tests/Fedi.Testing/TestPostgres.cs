using Npgsql;
using NUnit.Framework;

namespace Fedi.Testing;

/// <summary>
/// A real PostgreSQL server for tests. Either the one named by <c>FEDI_TEST_DATABASE_URL</c>
/// (a superuser URL; <c>tests/run.sh</c> starts one for the whole run), or a throwaway server of its own:
/// initdb into a temp folder, <c>postgres</c> on 127.0.0.1 with durability off. Each test asks it for
/// its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    /// <summary>The variable that points the tests at a running server instead of starting one.</summary>
    public const string UrlVariable = "FEDI_TEST_DATABASE_URL";

    private static readonly string[] FastSettings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];
    private static readonly string[] CommonSettings = ["max_connections=500"];

    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly string? _directory;
    private readonly bool _durable;

    private TestPostgres(NpgsqlConnectionStringBuilder admin, string? directory, bool durable = false)
    {
        _admin = admin;
        _directory = directory;
        _durable = durable;
    }

    /// <summary>True when this object started the server (and stops it on dispose).</summary>
    public bool IsOwnServer => _directory is not null;

    /// <summary>The superuser URL, <c>postgres://postgres@127.0.0.1:port/postgres</c>.</summary>
    public string Url => ConnectionUrls.ToPostgresUrl(_admin);

    /// <summary>The superuser connection string (Npgsql form) to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => _admin.ConnectionString;

    /// <summary>Uses <c>FEDI_TEST_DATABASE_URL</c> when set, else starts a server of its own.</summary>
    public static Task<TestPostgres> StartAsync(CancellationToken ct = default) =>
        Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url
            ? Task.FromResult(new TestPostgres(ConnectionUrls.ParsePostgres(url), null))
            : StartOwnAsync(ct);

    /// <summary>Starts a throwaway server in a fresh temp folder, whatever the environment says. A
    /// <paramref name="durable"/> one keeps every committed transaction across <see cref="StopAsync"/>'s crash
    /// (synchronous commit on), as a production server does; the default trades that for speed.</summary>
    public static async Task<TestPostgres> StartOwnAsync(CancellationToken ct = default, bool durable = false)
    {
        var directory = Directory.CreateTempSubdirectory("fedi-pg-").FullName;
        try
        {
            await PostgresBinaries.GiveToServerUserAsync(directory, ct);
            await PostgresBinaries.RunAsync(
                "initdb",
                ["-D", DataDirectory(directory), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                directory,
                ct);
            var port = await StartServerAsync(directory, durable, null, ct);
            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
            };
            return new TestPostgres(admin, directory, durable);
        }
        catch
        {
            await StopServerAsync(directory);
            throw;
        }
    }

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a random suffix.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string prefix = "fedi", CancellationToken ct = default)
    {
        var clean = new string([.. prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40)]);
        var name = RandomNames.Unique((clean.Length > 0 ? clean : "db") + "_");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", ct);
        var settings = new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = name };
        return new TestDatabase(name, settings.ConnectionString, ConnectionUrls.ToPostgresUrl(settings));
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public Task DropDatabaseAsync(string name, CancellationToken ct = default) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", ct);

    /// <summary>Stops the server (fast shutdown) and deletes its folder, if this object started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await StopServerAsync(_directory);
    }

    /// <summary>Stops the own server as a crash would (<c>pg_ctl stop -m immediate</c>: no checkpoint, clients
    /// cut off); <see cref="StartAgainAsync"/> brings it back on the same port, recovering from its WAL.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        var directory = _directory ?? throw new InvalidOperationException("Only a server of its own can be stopped.");
        await PostgresBinaries.RunAsync("pg_ctl", ["-D", DataDirectory(directory), "-m", "immediate", "-w", "stop"], directory, ct);
    }

    /// <summary>Starts the own server again on its port after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        var directory = _directory ?? throw new InvalidOperationException("Only a server of its own can be started again.");
        await StartServerAsync(directory, _durable, _admin.Port, ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string DataDirectory(string directory) => Path.Combine(directory, "data");

    // A port can be taken between FreePort and the server's bind: try a few.
    private static async Task<int> StartServerAsync(string directory, bool durable, int? fixedPort, CancellationToken ct)
    {
        string[] settings = [.. CommonSettings, .. durable ? [] : FastSettings];
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? FreePort.Next();
            var options = $"-p {port} -h 127.0.0.1 -k {directory} " + string.Join(' ', settings.Select(s => "-c " + s));
            try
            {
                await PostgresBinaries.RunAsync(
                    "pg_ctl",
                    ["-D", DataDirectory(directory), "-l", Path.Combine(directory, "postgres.log"), "-w", "-t", "60", "-o", options, "start"],
                    directory,
                    ct);
                return port;
            }
            catch (InvalidOperationException e)
            {
                var log = Path.Combine(directory, "postgres.log");
                var message = $"{e.Message}\n--- postgres.log ---\n{(File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "(none)")}";
                if (attempt >= 3 || fixedPort is not null)
                    throw new InvalidOperationException(message, e);
                TestContext.Progress.WriteLine($"PostgreSQL did not start on port {port}; trying another.\n{message}");
            }
        }
    }

    private static async Task StopServerAsync(string directory)
    {
        if (File.Exists(Path.Combine(DataDirectory(directory), "postmaster.pid")))
        {
            await PostgresBinaries.RunAsync(
                "pg_ctl", ["-D", DataDirectory(directory), "-m", "fast", "-w", "stop"], directory, CancellationToken.None);
        }
        Directory.Delete(directory, recursive: true);
    }
}

/// <summary>One database of a <see cref="TestPostgres"/> server, in both the forms Fedi and Npgsql read.</summary>
/// <param name="Name">The database name.</param>
/// <param name="ConnectionString">Npgsql form (Host=…;Port=…;Database=…).</param>
/// <param name="Url">The <c>DATABASE_URL</c> form, <c>postgres://user@host:port/name</c>.</param>
public sealed record TestDatabase(string Name, string ConnectionString, string Url);
