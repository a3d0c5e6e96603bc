using Fedi.Core.Accounts;
using Fedi.Core.Errors;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Preferences;

/// <summary>GET /api/v1/preferences: the user's posting defaults and reading preferences, in Mastodon's key names.</summary>
public static class PreferencesEndpoints
{
    public static void MapPreferencesEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/preferences", ShowAsync).RequireUser("read:accounts");

    private static async Task<IResult> ShowAsync(RequestAuth auth, UserStore users, CancellationToken ct)
    {
        var user = await users.FindAsync(auth.RequiredUserId, ct) ?? throw ApiException.NotFound();
        var settings = UserSettings.Parse(user.Settings);
        return Results.Ok(new Dictionary<string, object?>
        {
            ["posting:default:visibility"] = settings.Privacy,
            ["posting:default:sensitive"] = settings.Sensitive,
            ["posting:default:language"] = settings.DefaultLanguage,
            ["reading:expand:media"] = "default",
            ["reading:expand:spoilers"] = false,
        });
    }
}
