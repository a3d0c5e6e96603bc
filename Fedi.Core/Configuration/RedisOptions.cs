using StackExchange.Redis;

namespace Fedi.Core.Configuration;

/// <summary>
/// The one logical Redis every tier shares. <see cref="Namespace"/> (REDIS_NAMESPACE) prefixes every
/// key and channel so several instances, or many test runs, can share one server.
/// </summary>
public sealed record RedisOptions(string Configuration, string? Namespace)
{
    public string KeyPrefix => Namespace is null ? "" : Namespace + ":";

    public ConfigurationOptions ToConfigurationOptions(string clientName)
    {
        var options = ConfigurationOptions.Parse(Configuration);
        options.ClientName = clientName;
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 5;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 10000;
        options.AsyncTimeout = 10000;
        // While Redis is away a command fails at once (web answers 503, the worker retries) instead of waiting in
        // the client's backlog for up to AsyncTimeout: a long outage must not pile up every request in flight.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (Namespace is not null) options.ChannelPrefix = RedisChannel.Literal(KeyPrefix);
        return options;
    }

    /// <summary>REDIS_URL (redis://[user:password@]host:port[/db]) or REDIS_HOST/REDIS_PORT/REDIS_USER/REDIS_PASSWORD/REDIS_DB; REDIS_NAMESPACE.</summary>
    public static RedisOptions From(EnvironmentSettings env)
    {
        var ns = env.Optional("REDIS_NAMESPACE");
        // Streaming subscribes to kill channels by pattern (PSUBSCRIBE <namespace>:timeline:system:*), so glob
        // characters in the namespace would make it match other instances' channels.
        if (ns is not null && (ns.IndexOfAny([' ', '*', '?', '[', ']', '\\']) >= 0 || ns.EndsWith(':')))
            throw new SettingsException("REDIS_NAMESPACE", "must not contain spaces or * ? [ ] \\, nor end with ':'");
        var configuration = env.Optional("REDIS_URL") is { } url ? FromUrl(url) : FromParts(env);
        return new RedisOptions(configuration, ns);
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
            throw new SettingsException("REDIS_URL", "expected redis://[:password@]host:port[/db]");
        var parts = new List<string> { $"{uri.Host}:{(uri.Port > 0 ? uri.Port : 6379)}" };
        if (uri.UserInfo.Length > 0)
        {
            var userInfo = uri.UserInfo.Split(':', 2);
            if (userInfo.Length == 2)
            {
                if (userInfo[0].Length > 0) parts.Add("user=" + Uri.UnescapeDataString(userInfo[0]));
                parts.Add("password=" + Uri.UnescapeDataString(userInfo[1]));
            }
            else parts.Add("password=" + Uri.UnescapeDataString(userInfo[0]));
        }
        var db = uri.AbsolutePath.Trim('/');
        if (db.Length > 0)
        {
            if (!int.TryParse(db, out var dbNumber) || dbNumber < 0)
                throw new SettingsException("REDIS_URL", $"'{db}' is not a database number");
            parts.Add("defaultDatabase=" + dbNumber);
        }
        if (uri.Scheme == "rediss") parts.Add("ssl=true");
        return string.Join(',', parts);
    }

    private static string FromParts(EnvironmentSettings env)
    {
        var parts = new List<string>
        {
            $"{env.Optional("REDIS_HOST", "localhost")}:{env.Int("REDIS_PORT", 6379, min: 1, max: 65535)}",
            "defaultDatabase=" + env.Int("REDIS_DB", 0, min: 0, max: 1000),
        };
        if (env.Optional("REDIS_USER") is { } user) parts.Add("user=" + user);
        if (env.Optional("REDIS_PASSWORD") is { } password) parts.Add("password=" + password);
        return string.Join(',', parts);
    }
}
