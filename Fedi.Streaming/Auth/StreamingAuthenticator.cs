using System.Data.Common;
using System.Net.Sockets;
using Fedi.Core.Errors;
using Fedi.Core.OAuth;

namespace Fedi.Streaming.Auth;

/// <summary>
/// Resolves the token of a streaming request. Every stream needs a live user token (Mastodon 4.2+):
/// revoked, app-only, disabled, suspended, unconfirmed or unapproved all read "Invalid access token",
/// as Mastodon's single SQL lookup does. PostgreSQL being unreachable is a 503, not a crash.
/// </summary>
public sealed class StreamingAuthenticator(AccessTokenStore tokens, ILogger<StreamingAuthenticator> logger)
{
    public const string MissingToken = "Missing access token";
    public const string InvalidToken = "Invalid access token";
    public const string Unavailable = "Service temporarily unavailable";

    /// <exception cref="ApiException">401 missing/invalid token, 503 database unreachable.</exception>
    public Task<StreamingCredentials> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var (secret, subProtocol) = TokenSource.Read(request);
        return AuthenticateAsync(secret, subProtocol, ct);
    }

    /// <summary>The token as <see cref="TokenSource"/> found it (null: none presented).</summary>
    /// <exception cref="ApiException">401 missing/invalid token, 503 database unreachable.</exception>
    public async Task<StreamingCredentials> AuthenticateAsync(string? secret, string? subProtocol, CancellationToken ct)
    {
        if (secret is null) throw new ApiException(401, MissingToken);
        if (secret.Length == 0) throw new ApiException(401, InvalidToken);

        AccessToken? token;
        try
        {
            token = await tokens.FindBySecretAsync(secret, ct);
        }
        catch (Exception e) when ((e is DbException or TimeoutException or SocketException) && !ct.IsCancellationRequested)
        {
            logger.LogDatabaseUnavailable(e);
            throw new ApiException(503, Unavailable);
        }

        if (token is null || !IsLiveUserToken(token)) throw new ApiException(401, InvalidToken);
        return new StreamingCredentials(token, subProtocol);
    }

    private static bool IsLiveUserToken(AccessToken token) =>
        token.RevokedAt is null
        && token.UserId is not null && token.AccountId is not null
        && !token.UserDisabled && token.UserConfirmed && token.UserApproved
        && token.AccountSuspendedAt is null;
}
