using Fedi.Core.Streams;

namespace Fedi.Core.Accounts;

/// <summary>
/// Mastodon's User#disable! / #enable!: a disabled user can neither sign in nor use any of its tokens, and every
/// stream the account has open is told to close at once (<c>kill</c> on <c>timeline:system:&lt;id&gt;</c>), not
/// only new ones refused.
/// </summary>
public sealed class DisableUserService(UserStore users, StreamPublisher streams)
{
    /// <summary>The account id, or null when no local user has <paramref name="username"/>.</summary>
    public async Task<long?> DisableAsync(string username, CancellationToken ct = default)
    {
        var accountId = await users.SetDisabledAsync(username, disabled: true, ct);
        if (accountId is { } id) await streams.KillAccountStreamsAsync(id);
        return accountId;
    }

    /// <summary>The account id, or null when no local user has <paramref name="username"/>.</summary>
    public Task<long?> EnableAsync(string username, CancellationToken ct = default) =>
        users.SetDisabledAsync(username, disabled: false, ct);
}
