using System.Net.Mail;
using System.Text.RegularExpressions;
using Fedi.Core.Errors;
using Fedi.Core.Validation;

namespace Fedi.Core.Accounts;

/// <summary>
/// Mastodon's sign-up validations with its messages and attribute names (activerecord.en.yml), every
/// failure collected at once as Rails does. Uniqueness is checked by the caller against the database.
/// </summary>
public static partial class NewAccountValidator
{
    public const int MaxUsernameLength = TextLimits.Username;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 72; // bcrypt ignores bytes past 72
    public const int MaxEmailLength = 320;

    public const string UsernameAttribute = "Username";
    public const string EmailAttribute = "E-mail address";

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.IgnoreCase)]
    private static partial Regex UsernamePattern();

    public static List<FieldError> Validate(NewAccount input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Username))
            errors.Add(new("username", "ERR_BLANK", UsernameAttribute, "can't be blank"));
        else if (!UsernamePattern().IsMatch(input.Username))
            errors.Add(new("username", "ERR_INVALID", UsernameAttribute, "must contain only letters, numbers and underscores"));
        else if (input.Username.Length > MaxUsernameLength)
            errors.Add(new("username", "ERR_TOO_LONG", UsernameAttribute, $"is too long (maximum is {MaxUsernameLength} characters)"));

        if (string.IsNullOrWhiteSpace(input.Email))
            errors.Add(new("email", "ERR_BLANK", EmailAttribute, "can't be blank"));
        else if (!IsEmail(input.Email))
            errors.Add(new("email", "ERR_INVALID", EmailAttribute, "is invalid"));

        if (string.IsNullOrEmpty(input.Password))
            errors.Add(new("password", "ERR_BLANK", "Password", "can't be blank"));
        else if (input.Password.Length < MinPasswordLength)
            errors.Add(new("password", "ERR_TOO_SHORT", "Password", $"is too short (minimum is {MinPasswordLength} characters)"));
        else if (input.Password.Length > MaxPasswordLength)
            errors.Add(new("password", "ERR_TOO_LONG", "Password", $"is too long (maximum is {MaxPasswordLength} characters)"));

        if (!input.Agreement)
            errors.Add(new("agreement", "ERR_ACCEPTED", "Service agreement", "must be accepted"));

        if (!string.IsNullOrEmpty(input.Locale) && !Locales.Available.Contains(input.Locale))
            errors.Add(new("locale", "ERR_INCLUSION", "Locale", "is not included in the list"));
        return errors;
    }

    private static readonly string[] FieldOrder = ["username", "email", "password", "agreement", "locale"];

    /// <summary>Errors grouped by field in the order the form shows them (a stable sort).</summary>
    public static IReadOnlyList<FieldError> InFieldOrder(IEnumerable<FieldError> errors) =>
        errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)).ToList();

    public static FieldError UsernameTaken => new("username", "ERR_TAKEN", UsernameAttribute, "has already been taken");

    public static FieldError EmailTaken => new("email", "ERR_TAKEN", EmailAttribute, "has already been taken");

    private static bool IsEmail(string email) =>
        // Single-label hosts (admin@localhost) are allowed: the local setup's first admin uses one.
        email.Length <= MaxEmailLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && parsed.Host.Length > 0;
}
