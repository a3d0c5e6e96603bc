namespace Fedi.Core.Accounts;

/// <summary>
/// What sign-up asks for. <paramref name="Agreement"/> is the accepted service agreement (the API requires
/// it; operator commands pass true). <paramref name="Confirmed"/> skips e-mail confirmation.
/// </summary>
public sealed record NewAccount(
    string Username, string Email, string Password, string? Locale = null, bool Admin = false, bool Confirmed = false, bool Agreement = true);
