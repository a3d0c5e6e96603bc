using Fedi.Core.Errors;
using Fedi.Streaming.Auth;
using Fedi.Streaming.Endpoints;

namespace Fedi.Streaming.SignalR;

/// <summary>
/// Every request under <see cref="TimelinesHub.Path"/> (negotiate, the WebSocket or SSE connect, SSE sends)
/// carries the token as the WebSocket endpoint reads it: <c>Authorization: Bearer</c> (what
/// @microsoft/signalr sends to negotiate) or <c>?access_token=</c> (what it puts on the WebSocket URL).
/// A refused token is Mastodon's plain 401 <c>{"error":…}</c> before SignalR sees the request, so the
/// browser client's <c>start()</c> fails instead of connecting.
/// </summary>
public static class HubAuthentication
{
    private const string CredentialsKey = "fedi.streaming.credentials";

    public static void UseTimelinesHubAuthentication(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(TimelinesHub.Path), branch => branch.Use(async (http, next) =>
        {
            var authenticator = http.RequestServices.GetRequiredService<StreamingAuthenticator>();
            try
            {
                http.Items[CredentialsKey] = await authenticator.AuthenticateAsync(http.Request, http.RequestAborted);
            }
            catch (ApiException e)
            {
                await ErrorResponses.WriteAsync(http, e);
                return;
            }
            await next(http);
        }));

    /// <summary>The credentials the middleware put on the connect request.</summary>
    public static StreamingCredentials? Credentials(HttpContext? http) =>
        http?.Items.TryGetValue(CredentialsKey, out var value) == true ? value as StreamingCredentials : null;
}
