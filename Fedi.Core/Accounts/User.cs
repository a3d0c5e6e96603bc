namespace Fedi.Core.Accounts;

/// <summary>A row of <c>users</c>: the login of a local account.</summary>
public sealed record User
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public required string Email { get; init; }
    public required string EncryptedPassword { get; init; }
    public DateTime? ConfirmedAt { get; init; }
    public bool Admin { get; init; }
    public bool Disabled { get; init; }
    public bool Approved { get; init; }
    public string? Locale { get; init; }
    public string[]? ChosenLanguages { get; init; }
    public DateTime? CurrentSignInAt { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>users.settings as stored (JSON); read through <see cref="UserSettings.Parse"/>.</summary>
    public string Settings { get; init; } = "{}";

    public bool Confirmed => ConfirmedAt is not null;
}
