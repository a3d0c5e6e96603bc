using Fedi.Core.Streams;

namespace Fedi.Core.OAuth;

/// <summary>
/// RFC 7009 revocation (Doorkeeper's TokensController#revoke): the client authenticates, may revoke only its
/// own tokens, and learns nothing about tokens that do not exist. Streams using the token are told to close.
/// </summary>
public sealed class RevokeTokenService(ApplicationStore applications, AccessTokenStore tokens, StreamPublisher streams)
{
    public async Task RevokeAsync(string? clientId, string? clientSecret, string? token, CancellationToken ct = default)
    {
        var client = await applications.FindByCredentialsAsync(clientId, clientSecret, ct) ?? throw OAuthErrors.RevokeUnauthorized();
        if (string.IsNullOrEmpty(token)) return;
        var found = await tokens.FindBySecretAsync(token, ct);
        if (found is null) return;
        if (found.ApplicationId is { } owner && owner != client.Id) throw OAuthErrors.RevokeUnauthorized();

        await streams.KillAccessTokenStreamsAsync(await tokens.RevokeAsync(token, found.ApplicationId, ct));
    }
}
