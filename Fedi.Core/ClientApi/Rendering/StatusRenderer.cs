using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Statuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>
/// Renders statuses as Mastodon Status entities for a viewer (null = anonymous, as public channels
/// carry), loading authors, mentions and counts in one batch per call — never a query per status.
/// </summary>
public sealed class StatusRenderer(StatusStore statuses, AccountStore accounts, AccountRenderer accountRenderer, TagStore tags, InstanceOptions instance)
{
    public async Task<ApiStatus> RenderAsync(Status status, long? viewerAccountId, CancellationToken ct = default) =>
        (await RenderManyAsync([status], viewerAccountId, ct))[0];

    public async Task<IReadOnlyList<ApiStatus>> RenderManyAsync(IReadOnlyList<Status> page, long? viewerAccountId, CancellationToken ct = default)
    {
        if (page.Count == 0) return [];
        var ids = page.Select(s => s.Id).ToArray();
        var mentionIds = await statuses.ListMentionedAccountIdsAsync(ids, ct);
        var replies = await statuses.CountRepliesAsync(ids, ct);
        var tagNames = await tags.ListNamesAsync(ids, ct);
        var accountIds = page.Select(s => s.AccountId).Concat(mentionIds.SelectMany(g => g)).Distinct().ToArray();
        var accountsById = (await accounts.ListAsync(accountIds, ct)).ToDictionary(a => a.Id);

        return page.Select(status =>
        {
            var mentioned = mentionIds[status.Id].Where(accountsById.ContainsKey).Select(id => accountsById[id]).ToList();
            return Render(status, accountsById[status.AccountId], mentioned, tagNames[status.Id], replies.GetValueOrDefault(status.Id), viewerAccountId);
        }).ToList();
    }

    private ApiStatus Render(Status status, Account author, IReadOnlyList<Account> mentioned, IEnumerable<string> tagNames, long repliesCount, long? viewerAccountId)
    {
        var signedIn = viewerAccountId is not null;
        return new ApiStatus
        {
            Id = ApiFormat.Id(status.Id),
            CreatedAt = ApiFormat.Time(status.CreatedAt),
            InReplyToId = ApiFormat.Id(status.InReplyToId),
            InReplyToAccountId = ApiFormat.Id(status.InReplyToAccountId),
            Sensitive = status.Sensitive,
            SpoilerText = status.SpoilerText,
            Visibility = status.Visibility.ToApi(),
            Language = status.Language,
            Uri = status.Uri ?? $"{instance.WebBaseUrl}/users/{author.Username}/statuses/{status.Id}",
            Url = status.Url ?? $"{instance.WebBaseUrl}/@{author.Username}/{status.Id}",
            RepliesCount = repliesCount,
            EditedAt = ApiFormat.Time(status.EditedAt),
            Favourited = signedIn ? false : null,
            Reblogged = signedIn ? false : null,
            Muted = signedIn ? false : null,
            Bookmarked = signedIn ? false : null,
            Pinned = viewerAccountId == status.AccountId ? false : null,
            Content = status.Local ? StatusHtml.Format(status.Text, mentioned, instance.WebBaseUrl, instance.LocalDomain) : status.Text,
            Account = accountRenderer.Render(author),
            Mentions = mentioned.Select(a => new ApiMention(ApiFormat.Id(a.Id), a.Username, a.Url ?? a.Uri, a.Acct)).ToList(),
            Tags = tagNames.Select(name => new ApiTag(name, $"{instance.WebBaseUrl}/tags/{Uri.EscapeDataString(name)}")).ToList(),
        };
    }
}
