using System.Net;
using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Media;
using Fedi.Core.Relationships;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders <see cref="Account"/> rows as Mastodon Account entities.</summary>
public sealed class AccountRenderer(InstanceOptions instance, IMediaStorage storage)
{
    public ApiAccount Render(Account account) => new()
    {
        Id = ApiFormat.Id(account.Id),
        Username = account.Username,
        Acct = account.Acct,
        DisplayName = account.DisplayName,
        Locked = account.Locked,
        Bot = account.Bot || account.ActorType is "Service" or "Application",
        Group = account.ActorType == "Group",
        Discoverable = account.Discoverable,
        Indexable = account.Indexable,
        HideCollections = account.HideCollections ?? false,
        Fields = ProfileField.ParseAll(account.Fields)
            .Select(f => new ApiField(f.Name, account.IsLocal ? WebUtility.HtmlEncode(f.Value) : f.Value, ApiFormat.Time(f.VerifiedAt))).ToList(),
        // Mastodon reports the day an account was created, not the instant.
        CreatedAt = ApiFormat.Time(account.CreatedAt.Date),
        Note = account.IsLocal ? PlainTextNote(account.Note) : account.Note,
        Url = account.Url ?? $"{instance.WebBaseUrl}/@{account.Username}",
        Uri = account.Uri,
        Avatar = Image(account.AvatarKey, "avatars"),
        AvatarStatic = Image(account.AvatarStaticKey ?? account.AvatarKey, "avatars"),
        Header = Image(account.HeaderKey, "headers"),
        HeaderStatic = Image(account.HeaderStaticKey ?? account.HeaderKey, "headers"),
        FollowersCount = account.FollowersCount,
        FollowingCount = account.FollowingCount,
        StatusesCount = account.StatusesCount,
        LastStatusAt = account.LastStatusAt is { } last ? ApiFormat.Date(last) : null,
    };

    /// <summary>An entry of GET /api/v1/mutes: the account and when its mute ends.</summary>
    public ApiMutedAccount RenderMuted(MutedAccount muted) =>
        new(Render(muted.Account)) { MuteExpiresAt = ApiFormat.Time(muted.Mute.ExpiresAt) };

    /// <summary>The signed-in account with its <c>source</c>: the raw note and fields, and the user's posting defaults.</summary>
    public ApiCredentialAccount RenderCredentials(Account account, User user, long followRequestsCount = 0)
    {
        var settings = UserSettings.Parse(user.Settings);
        var fields = ProfileField.ParseAll(account.Fields).Select(f => new ApiField(f.Name, f.Value, ApiFormat.Time(f.VerifiedAt))).ToList();
        var source = new ApiAccountSource(settings.Privacy, settings.Sensitive, settings.DefaultLanguage ?? user.Locale, account.Note, fields, followRequestsCount)
        {
            Indexable = account.Indexable, HideCollections = account.HideCollections, Discoverable = account.Discoverable,
        };
        return new ApiCredentialAccount(Render(account), source,
            user.Admin ? new ApiRole("3", "Owner", "", "1048575", true) : new ApiRole("-99", "", "", "65536", false));
    }

    private string Image(string? key, string missing) =>
        key is null ? $"{instance.WebBaseUrl}/{missing}/original/missing.png" : storage.Url(key);

    private static string PlainTextNote(string note) =>
        note.Length == 0 ? "" : $"<p>{WebUtility.HtmlEncode(note).Replace("\n", "<br>")}</p>";
}
