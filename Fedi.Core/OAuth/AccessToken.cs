namespace Fedi.Core.OAuth;

/// <summary>
/// A bearer token resolved for a request: the token row joined with its user and account state.
/// UserId/AccountId are null for app-only (client_credentials) tokens.
/// </summary>
public sealed record AccessToken
{
    public long Id { get; init; }
    public long? ApplicationId { get; init; }
    public required string Scopes { get; init; }
    public DateTime? RevokedAt { get; init; }
    public long? UserId { get; init; }
    public long? AccountId { get; init; }
    public bool UserDisabled { get; init; }
    public bool UserConfirmed { get; init; }
    public bool UserApproved { get; init; }
    public DateTime? AccountSuspendedAt { get; init; }
    public DateTime? CurrentSignInAt { get; init; }
    public string[]? ChosenLanguages { get; init; }

    public IReadOnlyList<string> ScopeList => OAuth.Scopes.Parse(Scopes);

    public bool Allows(string scope) => OAuth.Scopes.Allows(ScopeList, scope);
}
