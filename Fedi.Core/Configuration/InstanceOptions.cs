namespace Fedi.Core.Configuration;

public enum RegistrationsMode { Open, None }

/// <summary>Who this server is and how it treats users. Read once at start from the environment.</summary>
public sealed record InstanceOptions
{
    /// <summary>LOCAL_DOMAIN: the domain in every local handle (user@LOCAL_DOMAIN).</summary>
    public required string LocalDomain { get; init; }

    /// <summary>WEB_DOMAIN: where the web tier is reached; defaults to LOCAL_DOMAIN.</summary>
    public required string WebDomain { get; init; }

    /// <summary>https unless the web domain is a loopback host (local development).</summary>
    public required string WebScheme { get; init; }

    /// <summary>STREAMING_API_BASE_URL: advertised to clients in instance configuration.</summary>
    public required string StreamingApiBaseUrl { get; init; }

    /// <summary>USER_ACTIVE_DAYS: users signed in within this many days get home-feed fan-out.</summary>
    public int UserActiveDays { get; init; } = 7;

    /// <summary>REGISTRATIONS_MODE: open (anyone may sign up through the API) or none.</summary>
    public RegistrationsMode Registrations { get; init; } = RegistrationsMode.Open;

    /// <summary>OAUTH_PASSWORD_GRANT: allow grant_type=password for command-line clients.</summary>
    public bool PasswordGrantEnabled { get; init; } = true;

    /// <summary>REQUIRE_EMAIL_CONFIRMATION: new users cannot use the API until confirmed.</summary>
    public bool RequireEmailConfirmation { get; init; }

    public string WebBaseUrl => $"{WebScheme}://{WebDomain}";

    public static InstanceOptions From(EnvironmentSettings env)
    {
        var localDomain = ValidDomain(env, "LOCAL_DOMAIN", env.Required("LOCAL_DOMAIN"));
        var webDomain = ValidDomain(env, "WEB_DOMAIN", env.Optional("WEB_DOMAIN", localDomain));
        var scheme = IsLoopback(webDomain) ? "http" : "https";
        var streaming = env.Optional("STREAMING_API_BASE_URL") ?? $"{(scheme == "https" ? "wss" : "ws")}://{webDomain}";
        if (!Uri.TryCreate(streaming, UriKind.Absolute, out var streamingUri) ||
            streamingUri.Scheme is not ("ws" or "wss" or "http" or "https"))
            throw new SettingsException("STREAMING_API_BASE_URL", $"'{streaming}' is not a ws://, wss://, http:// or https:// URL");

        return new InstanceOptions
        {
            LocalDomain = localDomain,
            WebDomain = webDomain,
            WebScheme = scheme,
            StreamingApiBaseUrl = streaming.TrimEnd('/'),
            UserActiveDays = env.Int("USER_ACTIVE_DAYS", 7, min: 1, max: 3650),
            Registrations = env.Choice("REGISTRATIONS_MODE", RegistrationsMode.Open),
            PasswordGrantEnabled = env.Bool("OAUTH_PASSWORD_GRANT", true),
            RequireEmailConfirmation = env.Bool("REQUIRE_EMAIL_CONFIRMATION", false),
        };
    }

    private static string ValidDomain(EnvironmentSettings env, string name, string value)
    {
        var domain = value.Trim().ToLowerInvariant();
        if (domain.Contains("://") || domain.Contains('/') || Uri.CheckHostName(domain.Split(':')[0]) == UriHostNameType.Unknown)
            throw new SettingsException(name, $"'{value}' is not a domain name (e.g. example.com or localhost:3000)");
        return domain;
    }

    private static bool IsLoopback(string domain)
    {
        var host = domain.Split(':')[0];
        return host is "localhost" or "127.0.0.1" or "[::1]" || host.EndsWith(".localhost", StringComparison.Ordinal);
    }
}
