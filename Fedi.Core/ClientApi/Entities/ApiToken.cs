using Fedi.Core.OAuth;

namespace Fedi.Core.ClientApi.Entities;

/// <summary>Mastodon's Token entity (Doorkeeper's token response): the bearer secret and every granted scope.</summary>
public sealed record ApiToken(string AccessToken, string TokenType, string Scope, long CreatedAt)
{
    public static ApiToken From(IssuedToken token) => new(
        token.Secret, "Bearer", token.Scopes, new DateTimeOffset(DateTime.SpecifyKind(token.CreatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds());
}
