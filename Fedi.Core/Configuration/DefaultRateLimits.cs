namespace Fedi.Core.Configuration;

/// <summary>
/// Mastodon's limits: the throttles of config/initializers/rack_attack.rb and the statuses family of its
/// per-account RateLimiter. <see cref="RateLimitOptions"/> scales or overrides them.
/// </summary>
public static class DefaultRateLimits
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan HalfAnHour = TimeSpan.FromMinutes(30);

    public static readonly RateLimit AuthenticatedApi = new("authenticated_api", 1500, FiveMinutes);
    public static readonly RateLimit PerTokenApi = new("per_token_api", 300, FiveMinutes);
    public static readonly RateLimit UnauthenticatedApi = new("unauthenticated_api", 300, FiveMinutes);
    public static readonly RateLimit ApiMedia = new("api_media", 30, HalfAnHour);
    public static readonly RateLimit ApiSignUp = new("api_sign_up", 5, HalfAnHour);
    public static readonly RateLimit AuthenticatedPaging = new("authenticated_paging", 300, TimeSpan.FromMinutes(15));
    public static readonly RateLimit UnauthenticatedPaging = new("unauthenticated_paging", 300, TimeSpan.FromMinutes(15));
    public static readonly RateLimit ApiDelete = new("api_delete", 30, HalfAnHour);
    public static readonly RateLimit AppRegistrations = new("oauth_application_registrations", 5, TimeSpan.FromMinutes(10));
    public static readonly RateLimit LoginAttemptsByAddress = new("login_attempts_ip", 25, FiveMinutes);
    public static readonly RateLimit LoginAttemptsByEmail = new("login_attempts_email", 25, TimeSpan.FromHours(1));

    /// <summary>Statuses an account may post (edits included) per window, counting only those created.</summary>
    public static readonly RateLimit Statuses = new("statuses", 300, TimeSpan.FromHours(3));

    public static readonly IReadOnlyList<RateLimit> All =
    [
        AuthenticatedApi, PerTokenApi, UnauthenticatedApi, ApiMedia, ApiSignUp, AuthenticatedPaging, UnauthenticatedPaging,
        ApiDelete, AppRegistrations, LoginAttemptsByAddress, LoginAttemptsByEmail, Statuses,
    ];
}
