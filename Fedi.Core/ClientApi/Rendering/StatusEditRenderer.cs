using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Errors;
using Fedi.Core.Statuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders a status's versions as Mastodon StatusEdit entities, its author and mentions loaded once.</summary>
public sealed class StatusEditRenderer(StatusStore statuses, AccountStore accounts, AccountRenderer accountRenderer, InstanceOptions instance)
{
    /// <summary>
    /// The versions oldest first; a status never edited has one version, itself (Mastodon's build_snapshot).
    /// </summary>
    public async Task<IReadOnlyList<ApiStatusEdit>> RenderAsync(Status status, IReadOnlyList<StatusEdit> versions, CancellationToken ct = default)
    {
        var author = await accounts.FindAsync(status.AccountId, ct) ?? throw ApiException.NotFound();
        var mentionIds = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id].ToList();
        var mentioned = await accounts.ListAsync(mentionIds, ct);
        IReadOnlyList<StatusEdit> shown = versions.Count > 0 ? versions :
        [
            new StatusEdit
            {
                StatusId = status.Id, AccountId = status.AccountId, Text = status.Text, SpoilerText = status.SpoilerText,
                Sensitive = status.Sensitive, Language = status.Language, CreatedAt = status.EditedAt ?? status.CreatedAt,
            },
        ];
        var account = accountRenderer.Render(author);
        return shown.Select(version => new ApiStatusEdit
        {
            Content = status.Local ? StatusHtml.Format(version.Text, mentioned, instance.WebBaseUrl, instance.LocalDomain) : version.Text,
            SpoilerText = version.SpoilerText,
            Sensitive = version.Sensitive,
            CreatedAt = ApiFormat.Time(version.CreatedAt),
            Account = account,
        }).ToList();
    }
}
