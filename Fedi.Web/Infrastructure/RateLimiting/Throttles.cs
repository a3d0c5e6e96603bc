using System.Globalization;
using System.Text.RegularExpressions;
using Fedi.Core.Configuration;
using static Fedi.Core.Configuration.DefaultRateLimits;

namespace Fedi.Web.Infrastructure.RateLimiting;

/// <summary>Mastodon's throttles (config/initializers/rack_attack.rb) and its per-account status limit, as one table.</summary>
public static partial class Throttles
{
    /// <summary>Longer "e-mails" share a counter: long enough for any real address, short enough to bound a key.</summary>
    private const int MaxLoginLength = 320;

    public static IReadOnlyList<Throttle> From(RateLimitOptions options) =>
    [
        new(options.For(AuthenticatedApi), r => r.IsApi ? Id(r.Token?.UserId) : null),
        new(options.For(PerTokenApi), r => r.IsApi ? Id(r.Token?.Id) : null),
        new(options.For(UnauthenticatedApi), r => r.IsApi && !r.Authenticated ? r.Address : null),
        new(options.For(ApiMedia), r => r.Is("POST", MediaPath()) ? Id(r.Token?.UserId) : null),
        new(options.For(ApiSignUp), r => r.Is("POST", "/api/v1/accounts") ? r.Address : null),
        new(options.For(AuthenticatedPaging), r => r.IsPaging ? Id(r.Token?.UserId) : null),
        new(options.For(UnauthenticatedPaging), r => r.IsPaging && !r.Authenticated ? r.Address : null),
        new(options.For(ApiDelete), r => r.Is("DELETE", StatusPath()) || r.Is("POST", UnreblogPath()) ? Id(r.Token?.UserId) : null),
        new(options.For(AppRegistrations), r => r.Is("POST", "/api/v1/apps") ? r.Address : null),
        new(options.For(LoginAttemptsByAddress), r => IsLogin(r) ? r.Address : null),
        new(options.For(LoginAttemptsByEmail), r => IsLogin(r) ? AttemptedLogin(r) : null),
        new(options.For(Statuses), r => r.Is("POST", "/api/v1/statuses") || r.Is("PUT", StatusPath()) ? Id(r.Token?.AccountId) : null, CreationLimit: true),
    ];

    /// <summary>The sign-in form of /oauth/authorize (there are no sessions: each authorization signs in) and the password grant.</summary>
    private static bool IsLogin(ThrottleRequest r) =>
        r.Is("POST", "/oauth/authorize") || (r.Is("POST", "/oauth/token") && r.Parameter("grant_type") == "password");

    /// <summary>The e-mail tried, however it is spelt, so an attacker cannot reset the count by changing case or padding.</summary>
    private static string? AttemptedLogin(ThrottleRequest r)
    {
        var login = (r.Parameter("email") ?? r.Parameter("username"))?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(login) ? null : login[..Math.Min(login.Length, MaxLoginLength)];
    }

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^/api/v\d+/media$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaPath();

    [GeneratedRegex(@"^/api/v1/statuses/[^/]+$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusPath();

    [GeneratedRegex(@"^/api/v1/statuses/[^/]+/unreblog$", RegexOptions.IgnoreCase)]
    private static partial Regex UnreblogPath();
}
