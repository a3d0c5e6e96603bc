namespace Fedi.Testing;

/// <summary>A local account made through the API, with a working user token.</summary>
public sealed record TestUser
{
    /// <summary>The username (local part of the handle).</summary>
    public required string Username { get; init; }

    /// <summary>The sign-up e-mail, also the password-grant login.</summary>
    public required string Email { get; init; }

    /// <summary>The password.</summary>
    public required string Password { get; init; }

    /// <summary>A user access token with <c>read write follow push</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The account id (a string, as the API sends it).</summary>
    public required string AccountId { get; init; }

    /// <summary>An API client that sends <see cref="Token"/>.</summary>
    public required ApiClient Client { get; init; }
}

/// <summary>An OAuth application registered with <c>POST /api/v1/apps</c>.</summary>
/// <param name="Id">The application's id.</param>
/// <param name="ClientId">OAuth client_id.</param>
/// <param name="ClientSecret">OAuth client_secret.</param>
/// <param name="Scopes">The scopes it asked for, space separated.</param>
/// <param name="RedirectUri">Its redirect URI.</param>
public sealed record TestApp(string Id, string ClientId, string ClientSecret, string Scopes, string RedirectUri);
