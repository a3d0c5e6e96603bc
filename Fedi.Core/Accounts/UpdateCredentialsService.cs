using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Validation;

namespace Fedi.Core.Accounts;

/// <summary>What PATCH update_credentials asks to change; null = not sent.</summary>
public sealed record ProfileChanges(
    string? DisplayName = null, string? Note = null, bool? Locked = null, bool? Bot = null, bool? Discoverable = null,
    bool? Indexable = null, bool? HideCollections = null, IReadOnlyList<ProfileField>? Fields = null,
    string? Privacy = null, bool? Sensitive = null, string? Language = null);

/// <summary>
/// Edits the signed-in user's profile and posting defaults (Mastodon's UpdateAccountService for
/// update_credentials): only what was sent changes; the limits are Mastodon's (display name 30, note 500,
/// 4 fields of 255 each), a breach is a 422 and nothing is saved. A changed profile is sent to remote followers as an
/// Update of the actor.
/// </summary>
public sealed class UpdateCredentialsService(AccountStore accounts, UserStore users, JobClient jobs)
{
    public static readonly IReadOnlySet<string> Privacies = new HashSet<string> { "public", "unlisted", "private", "direct" };

    public async Task<(Account Account, User User)> UpdateAsync(long accountId, long userId, ProfileChanges changes, CancellationToken ct = default)
    {
        var account = await accounts.FindAsync(accountId, ct) ?? throw ApiException.NotFound();
        var user = await users.FindAsync(userId, ct) ?? throw ApiException.NotFound();
        Validate(changes);

        var changed = account with
        {
            DisplayName = changes.DisplayName ?? account.DisplayName,
            Note = changes.Note ?? account.Note,
            Locked = changes.Locked ?? account.Locked,
            Bot = changes.Bot ?? account.Bot,
            Discoverable = changes.Discoverable ?? account.Discoverable,
            Indexable = changes.Indexable ?? account.Indexable,
            HideCollections = changes.HideCollections ?? account.HideCollections,
            Fields = changes.Fields is { } fields ? ProfileField.ToJson(fields) : account.Fields,
            ActorType = changes.Bot is { } bot ? (bot ? "Service" : "Person") : account.ActorType,
        };
        await accounts.UpdateProfileAsync(changed, ct);
        if (changed != account) await jobs.EnqueueAsync(new ActorUpdateDistributionJob(accountId));

        var settings = UserSettings.Parse(user.Settings);
        var newSettings = settings with
        {
            DefaultPrivacy = changes.Privacy ?? settings.DefaultPrivacy,
            DefaultSensitive = changes.Sensitive ?? settings.DefaultSensitive,
            DefaultLanguage = changes.Language is { } language ? (language.Length == 0 ? null : language) : settings.DefaultLanguage,
        };
        if (newSettings != settings) await users.UpdateSettingsAsync(userId, newSettings.ToJson(), ct);
        return (await accounts.FindAsync(accountId, ct) ?? changed, user with { Settings = newSettings.ToJson() });
    }

    private static void Validate(ProfileChanges changes)
    {
        TextLimits.Check(changes.DisplayName, "display_name", "Display name", TextLimits.DisplayName);
        TextLimits.Check(changes.Note, "note", "Note", TextLimits.Note);
        if (changes.Fields is { } fields)
        {
            if (fields.Count > ProfileField.MaxCount)
                throw ApiException.Unprocessable($"Validation failed: Fields is too big (maximum is {ProfileField.MaxCount} fields)");
            foreach (var field in fields)
            {
                TextLimits.Check(field.Name, "fields_attributes", "Fields name", TextLimits.ProfileField);
                TextLimits.Check(field.Value, "fields_attributes", "Fields value", TextLimits.ProfileField);
            }
        }
        if (changes.Privacy is { } privacy && !Privacies.Contains(privacy))
            throw ApiException.Unprocessable("Validation failed: Default privacy is not included in the list");
        TextLimits.Check(changes.Language, "source[language]", "Default language", TextLimits.LanguageCode);
    }
}
