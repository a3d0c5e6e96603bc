using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Errors;
using Fedi.Core.Follows;
using Fedi.Core.Media;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.ClientApi.Profile;

/// <summary>DELETE /api/v1/profile/avatar and /header: back to the default image; answers the credential account.</summary>
public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/profile/avatar", (RequestAuth auth, UpdateProfileImageService images, AccountStore accounts, UserStore users,
            FollowRequestStore requests, AccountRenderer renderer, CancellationToken ct) =>
            RemoveAsync(ProfileImage.Avatar, auth, images, accounts, users, requests, renderer, ct)).RequireUser("write:accounts");
        app.MapDelete("/api/v1/profile/header", (RequestAuth auth, UpdateProfileImageService images, AccountStore accounts, UserStore users,
            FollowRequestStore requests, AccountRenderer renderer, CancellationToken ct) =>
            RemoveAsync(ProfileImage.Header, auth, images, accounts, users, requests, renderer, ct)).RequireUser("write:accounts");
    }

    private static async Task<IResult> RemoveAsync(ProfileImage image, RequestAuth auth, UpdateProfileImageService images, AccountStore accounts,
        UserStore users, FollowRequestStore requests, AccountRenderer renderer, CancellationToken ct)
    {
        await images.RemoveAsync(auth.RequiredAccountId, image, ct);
        var account = await accounts.FindAsync(auth.RequiredAccountId, ct) ?? throw ApiException.NotFound();
        var user = await users.FindAsync(auth.RequiredUserId, ct) ?? throw ApiException.NotFound();
        return Results.Ok(renderer.RenderCredentials(account, user, await requests.CountPendingAsync(account.Id, ct)));
    }
}
