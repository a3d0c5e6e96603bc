using Npgsql;
using StackExchange.Redis;

namespace Fedi.Testing;

/// <summary>
/// Converts between the URL forms Fedi reads (<c>DATABASE_URL</c>, <c>REDIS_URL</c>, as Mastodon)
/// and the client libraries' own connection settings.
/// </summary>
public static class ConnectionUrls
{
    /// <summary>Parses <c>postgres://user:pass@host:port/dbname</c> into Npgsql settings.</summary>
    public static NpgsqlConnectionStringBuilder ParsePostgres(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgres" or "postgresql"))
            throw new FormatException($"Not a postgres:// URL: {url}");
        var (user, password) = SplitUserInfo(uri);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            Username = user,
            Password = password,
        };
    }

    /// <summary>Formats Npgsql settings as <c>postgres://user:pass@host:port/dbname</c>.</summary>
    public static string ToPostgresUrl(NpgsqlConnectionStringBuilder settings)
    {
        var credentials = Uri.EscapeDataString(settings.Username ?? "postgres");
        if (!string.IsNullOrEmpty(settings.Password))
            credentials += ":" + Uri.EscapeDataString(settings.Password);
        return $"postgres://{credentials}@{settings.Host}:{settings.Port}/{Uri.EscapeDataString(settings.Database ?? "postgres")}";
    }

    /// <summary>Parses <c>redis://[user][:password@]host:port[/db]</c> into StackExchange.Redis options.</summary>
    public static ConfigurationOptions ParseRedis(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("redis" or "rediss"))
            throw new FormatException($"Not a redis:// URL: {url}");
        var (user, password) = SplitUserInfo(uri);
        var options = new ConfigurationOptions
        {
            EndPoints = { { uri.Host, uri.Port < 0 ? 6379 : uri.Port } },
            User = string.IsNullOrEmpty(user) ? null : user,
            Password = password,
            Ssl = uri.Scheme == "rediss",
            AbortOnConnectFail = false,
        };
        if (int.TryParse(uri.AbsolutePath.TrimStart('/'), out var database))
            options.DefaultDatabase = database;
        return options;
    }

    private static (string? User, string? Password) SplitUserInfo(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
            return (null, null);
        var parts = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        var password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        return (user.Length > 0 ? user : null, password);
    }
}
