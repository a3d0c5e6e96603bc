using Fedi.Core.Accounts;
using Fedi.Core.Hosting;
using Fedi.Web.Infrastructure;

namespace Fedi.Web.OAuth;

/// <summary>GET /auth/confirmation?confirmation_token=… — the link a new user gets (logged until there is a mailer).</summary>
public static class ConfirmationEndpoints
{
    public static void MapConfirmationEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/auth/confirmation", async (HttpContext http, RequestParameters p, UserStore users, CancellationToken ct) =>
        {
            var token = p.String("confirmation_token");
            if (string.IsNullOrEmpty(token) || !await users.ConfirmAsync(token, ct))
                return HtmlPage.Error(http, "invalid_confirmation_token", "Confirmation token is invalid");
            return HtmlPage.Render(http, "Confirmed", """
                <h1>Your email address has been successfully confirmed.</h1>
                <p id="confirmed">You can now go back to your application and continue.</p>
                """);
        }).PublicRoute();
}
