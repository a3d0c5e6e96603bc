using Fedi.Testing;
using static Fedi.Web.Tests.RateLimits.RateLimitAssertions;

namespace Fedi.Web.Tests.RateLimits;

/// <summary>
/// Mastodon's throttles, made small, on an instance of their own. Loopback stays safelisted (the default), so
/// tests set up users and apps directly and act as clients behind the trusted proxy, each with its own address.
/// </summary>
public sealed partial class ThrottleTests : RateLimitedInstance
{
    private const int AnonymousLimit = 3;
    private const int TokenLimit = 3;
    private const int UserLimit = 5;
    private const int SignUpLimit = 2;
    private const int AppLimit = 2;
    private const int LoginLimit = 3;
    private const int StatusLimit = 3;
    private const int PagingLimit = 2;
    private const int DeleteLimit = 2;

    protected override Dictionary<string, string> Settings => new()
    {
        ["RATE_LIMIT_UNAUTHENTICATED_API"] = PerDay(AnonymousLimit),
        ["RATE_LIMIT_PER_TOKEN_API"] = PerDay(TokenLimit),
        ["RATE_LIMIT_AUTHENTICATED_API"] = PerDay(UserLimit),
        ["RATE_LIMIT_API_SIGN_UP"] = PerDay(SignUpLimit),
        ["RATE_LIMIT_OAUTH_APPLICATION_REGISTRATIONS"] = PerDay(AppLimit),
        ["RATE_LIMIT_LOGIN_ATTEMPTS_IP"] = PerDay(LoginLimit),
        ["RATE_LIMIT_LOGIN_ATTEMPTS_EMAIL"] = PerDay(LoginLimit),
        ["RATE_LIMIT_STATUSES"] = PerDay(StatusLimit),
        ["RATE_LIMIT_UNAUTHENTICATED_PAGING"] = PerDay(PagingLimit),
        ["RATE_LIMIT_API_DELETE"] = PerDay(DeleteLimit),
    };

    private ForwardedClient NewClient() => ForwardedClient.New(Cluster.Api);

    /// <summary>A new user, its sign-up token, and a second token of its own from another app.</summary>
    private async Task<(TestUser User, string SecondToken)> UserWithTwoTokensAsync()
    {
        var user = await Cluster.Users.SignUpAsync();
        var app = await Cluster.Users.RegisterAppAsync();
        return (user, await Cluster.Users.PasswordTokenAsync(app, user.Email, user.Password));
    }

    /// <summary>Sends <paramref name="count"/> requests and returns the last answer.</summary>
    private static async Task<ApiResponse> RepeatAsync(int count, Func<Task<ApiResponse>> send)
    {
        ApiResponse? last = null;
        for (var i = 0; i < count; i++) last = await send();
        return last!;
    }
}
