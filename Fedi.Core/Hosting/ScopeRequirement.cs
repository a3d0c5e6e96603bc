namespace Fedi.Core.Hosting;

/// <summary>Who may call a route, as its registration declares it.</summary>
public enum ScopeKind
{
    /// <summary>Anyone, no scope (the instance, OAuth itself, health): a presented token is still checked for validity.</summary>
    Public,
    /// <summary>A user's token granting one of the scopes (Mastodon's doorkeeper_authorize! plus require_user!).</summary>
    User,
    /// <summary>Any token, an app's or a user's, granting one of the scopes (any token when there are none).</summary>
    Token,
    /// <summary>Open to anyone, but a presented token must grant one of the scopes (Mastodon's authorize_if_got_token!).</summary>
    IfToken,
}

/// <summary>
/// Endpoint metadata every route carries, added by the one call that also enforces it, so the route table
/// (<c>routes</c> on the command line) shows what each route asks of a token and a test can refuse a route without it.
/// </summary>
public sealed record ScopeRequirement(ScopeKind Kind, IReadOnlyList<string> Scopes)
{
    public static readonly ScopeRequirement Public = new(ScopeKind.Public, []);

    /// <summary>Kind as the route table prints it: public, user, token, if-token.</summary>
    public string KindName => Kind switch
    {
        ScopeKind.IfToken => "if-token",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
