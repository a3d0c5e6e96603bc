using Fedi.Core.Accounts;

namespace Fedi.Core.OAuth;

/// <summary>Why signing in on the authorization page failed; shown to the user above the form again.</summary>
public sealed class SignInException(string message) : Exception(message);

/// <summary>
/// The user's answer on the authorization page (Doorkeeper's AuthorizationsController#create): their
/// credentials are checked, then an authorization code is issued for the pre-authorized request.
/// </summary>
public sealed class AuthorizeService(UserStore users, AccountStore accounts, AccessGrantStore grants)
{
    public const string InvalidCredentials = "Invalid E-mail address or password.";
    public const string Unconfirmed = "You have to confirm your email address before continuing.";
    public const string Disabled = "Your login is currently disabled";

    /// <summary>Returns the code to hand to the client; throws <see cref="SignInException"/> when the user may not sign in.</summary>
    public async Task<string> AuthorizeAsync(PreAuthorization pre, string? email, string? password, CancellationToken ct = default)
    {
        var user = await SignInAsync(email, password, ct);
        return await grants.InsertAsync(user.Id, pre.Client.Id, pre.RedirectUri, string.Join(' ', pre.Scopes),
            pre.CodeChallenge, pre.CodeChallengeMethod, ct);
    }

    private async Task<User> SignInAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)) throw new SignInException(InvalidCredentials);
        var user = await users.FindByCredentialsAsync(email, password, ct) ?? throw new SignInException(InvalidCredentials);
        var account = await accounts.FindAsync(user.AccountId, ct);
        if (user.Disabled || account?.SuspendedAt is not null) throw new SignInException(Disabled);
        if (!user.Confirmed) throw new SignInException(Unconfirmed);
        return user;
    }
}
