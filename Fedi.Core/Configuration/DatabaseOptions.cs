using Npgsql;

namespace Fedi.Core.Configuration;

/// <summary>Where PostgreSQL is and how many connections this process may open (its whole budget).</summary>
public sealed record DatabaseOptions(string ConnectionString, int PoolSize)
{
    /// <summary>
    /// DATABASE_URL (postgres://user:pass@host:port/db) or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS;
    /// DB_POOL caps the pool, defaulting to what the process's own concurrency needs; PREPARED_STATEMENTS=false
    /// behind PgBouncer in transaction mode.
    /// </summary>
    public static DatabaseOptions From(EnvironmentSettings env, string applicationName, int defaultPool)
    {
        var builder = env.Optional("DATABASE_URL") is { } url ? FromUrl(url) : FromParts(env);
        var pool = env.Int("DB_POOL", defaultPool, min: 1, max: 1000);
        builder.ApplicationName = applicationName;
        builder.MaxPoolSize = pool;
        builder.MinPoolSize = 0;
        builder.Timeout = 15;
        builder.CommandTimeout = 30;
        // Off by default: when the execution that auto-prepares a statement fails while its parameters are bound
        // (text with U+0000, say), PostgreSQL skips the Describe, yet Npgsql keeps the statement as prepared with no
        // row description; every later run of that SQL on that pooled connection that returns rows then fails with
        // "unexpected backend message DataRow". Opt in only where no such input can reach the database.
        // No code sets session state on a pooled connection (no SET, temp table, LISTEN or advisory lock), so the
        // DISCARD ALL Npgsql would run at each checkout is pure cost: one more statement for every query.
        builder.NoResetOnClose = true;
        builder.MaxAutoPrepare = env.Bool("PREPARED_STATEMENTS", false) ? 50 : 0;
        return new DatabaseOptions(builder.ConnectionString, pool);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new SettingsException("DATABASE_URL", "expected postgres://user:password@host:port/database");
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length == 0)
            throw new SettingsException("DATABASE_URL", "names no database (postgres://…/database)");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(database),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv[0] == "sslmode" && kv.Length == 2)
                builder.SslMode = Enum.Parse<SslMode>(kv[1].Replace("-", ""), ignoreCase: true);
        }
        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromParts(EnvironmentSettings env)
    {
        if (env.Optional("DB_NAME") is null)
            throw new SettingsException("DATABASE_URL", "is required (or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASS)");
        return new NpgsqlConnectionStringBuilder
        {
            Host = env.Optional("DB_HOST", "localhost"),
            Port = env.Int("DB_PORT", 5432, min: 1, max: 65535),
            Database = env.Required("DB_NAME"),
            Username = env.Optional("DB_USER", Environment.UserName),
            Password = env.Optional("DB_PASS"),
        };
    }
}
