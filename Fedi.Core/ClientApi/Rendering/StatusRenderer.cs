using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Configuration;
using Fedi.Core.Filters;
using Fedi.Core.Interactions;
using Fedi.Core.Media;
using Fedi.Core.OAuth;
using Fedi.Core.Statuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>
/// Renders statuses as Mastodon Status entities for a viewer (null = anonymous, as public channels
/// carry), loading authors, mentions, counts, the viewer's flags and reblogged originals in one batch per
/// call — never a query per status.
/// </summary>
public sealed class StatusRenderer(
    StatusStore statuses, AccountStore accounts, AccountRenderer accountRenderer, TagStore tags, StatusStatsStore stats,
    ViewerStatusFlagsStore flags, InstanceOptions instance, PollRenderer polls, MediaAttachmentStore media,
    MediaAttachmentRenderer mediaRenderer, ViewerFilterLoader filters, ApplicationStore applications)
{
    public async Task<ApiStatus> RenderAsync(Status status, long? viewerAccountId, CancellationToken ct = default) =>
        (await RenderManyAsync([status], viewerAccountId, ct)) is [var rendered] ? rendered : throw Errors.ApiException.NotFound();

    /// <summary>
    /// The page in its order; a reblog whose original is gone is left out, and so is a status whose author went between
    /// reading the page and rendering it (a remote account deleted by its server).
    /// </summary>
    public async Task<IReadOnlyList<ApiStatus>> RenderManyAsync(IReadOnlyList<Status> page, long? viewerAccountId, CancellationToken ct = default)
    {
        if (page.Count == 0) return [];
        var originalIds = page.Where(s => s.ReblogOfId is not null).Select(s => s.ReblogOfId!.Value).Distinct().ToArray();
        var originals = (await statuses.ListAsync(originalIds, ct)).ToDictionary(s => s.Id);
        var all = page.Concat(originals.Values).DistinctBy(s => s.Id).ToList();
        var batch = await LoadAsync(all, viewerAccountId, ct);

        var rendered = new List<ApiStatus>(page.Count);
        foreach (var status in page)
        {
            if (!batch.Accounts.ContainsKey(status.AccountId)) continue;
            if (status.ReblogOfId is not { } originalId) rendered.Add(Render(status, batch, viewerAccountId));
            else if (originals.TryGetValue(originalId, out var original) && batch.Accounts.ContainsKey(original.AccountId))
                rendered.Add(RenderReblog(status, Render(original, batch, viewerAccountId), batch, viewerAccountId));
        }
        return rendered;
    }

    /// <summary>The page with the viewer's filters of <paramref name="filterContext"/> applied (home, notifications,
    /// public, thread, account): <c>filtered</c> set, statuses under a hide filter left out.</summary>
    public async Task<IReadOnlyList<ApiStatus>> RenderManyAsync(IReadOnlyList<Status> page, long? viewerAccountId, string filterContext,
        CancellationToken ct = default)
    {
        var rendered = await RenderManyAsync(page, viewerAccountId, ct);
        return rendered.Count == 0 ? rendered : StatusFiltering.Apply(rendered, await filters.LoadAsync(viewerAccountId, ct), filterContext);
    }

    private sealed record Batch(
        ILookup<long, long> MentionIds, IReadOnlyDictionary<long, StatusCounts> Counts, ILookup<long, string> TagNames,
        IReadOnlyDictionary<long, Account> Accounts, IReadOnlyDictionary<long, ViewerStatusFlags> Flags,
        IReadOnlyDictionary<long, ApiPoll> Polls, ILookup<long, MediaAttachment> Media, IReadOnlyDictionary<long, OAuthApplication> Apps);

    private async Task<Batch> LoadAsync(IReadOnlyList<Status> all, long? viewerAccountId, CancellationToken ct)
    {
        var ids = all.Select(s => s.Id).ToArray();
        var mentionIds = await statuses.ListMentionedAccountIdsAsync(ids, ct);
        var counts = await stats.ListAsync(ids, ct);
        var tagNames = await tags.ListNamesAsync(ids, ct);
        var attachments = await media.ListByStatusesAsync(ids, ct);
        var viewerFlags = viewerAccountId is { } viewer
            ? await flags.ListAsync(viewer, ids, ct)
            : new Dictionary<long, ViewerStatusFlags>();
        var accountIds = all.Select(s => s.AccountId).Concat(mentionIds.SelectMany(g => g)).Distinct().ToArray();
        var accountsById = (await accounts.ListAsync(accountIds, ct)).ToDictionary(a => a.Id);
        var rendered = await polls.RenderForStatusesAsync(ids, viewerAccountId, ct);
        // Only the viewer's own statuses show their app, so most pages need no query for it.
        var appIds = all.Where(s => s.AccountId == viewerAccountId && s.ApplicationId is not null).Select(s => s.ApplicationId!.Value).Distinct().ToList();
        var apps = await applications.ListAsync(appIds, ct);
        return new Batch(mentionIds, counts, tagNames, accountsById, viewerFlags, rendered, attachments, apps);
    }

    private ApiStatus Render(Status status, Batch batch, long? viewerAccountId)
    {
        var author = batch.Accounts[status.AccountId];
        var mentioned = batch.MentionIds[status.Id].Where(batch.Accounts.ContainsKey).Select(id => batch.Accounts[id]).ToList();
        var counts = batch.Counts.GetValueOrDefault(status.Id, StatusCounts.Zero);
        return Base(status, author, batch, viewerAccountId) with
        {
            RepliesCount = counts.RepliesCount,
            ReblogsCount = counts.ReblogsCount,
            FavouritesCount = counts.FavouritesCount,
            Content = status.Local ? StatusHtml.Format(status.Text, mentioned, instance.WebBaseUrl, instance.LocalDomain) : status.Text,
            Mentions = mentioned.Select(a => new ApiMention(ApiFormat.Id(a.Id), a.Username, a.Url ?? a.Uri, a.Acct)).ToList(),
            Tags = batch.TagNames[status.Id].Select(name => new ApiTag(name, $"{instance.WebBaseUrl}/tags/{Uri.EscapeDataString(name)}")).ToList(),
            Poll = batch.Polls.GetValueOrDefault(status.Id),
            MediaAttachments = batch.Media[status.Id].Select(mediaRenderer.Render).ToList(),
        };
    }

    /// <summary>A reblog as Mastodon renders it: its own id, author, time and visibility around the original.</summary>
    private ApiStatus RenderReblog(Status reblog, ApiStatus original, Batch batch, long? viewerAccountId) =>
        Base(reblog, batch.Accounts[reblog.AccountId], batch, viewerAccountId) with
        {
            Uri = reblog.Uri ?? $"{instance.WebBaseUrl}/users/{batch.Accounts[reblog.AccountId].Username}/statuses/{reblog.Id}/activity",
            Sensitive = original.Sensitive,
            Reblog = original,
        };

    private ApiStatus Base(Status status, Account author, Batch batch, long? viewerAccountId)
    {
        var signedIn = viewerAccountId is not null;
        var viewer = batch.Flags.GetValueOrDefault(status.Id, ViewerStatusFlags.None);
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
            EditedAt = ApiFormat.Time(status.EditedAt),
            Favourited = signedIn ? viewer.Favourited : null,
            Reblogged = signedIn ? viewer.Reblogged : null,
            Muted = signedIn ? viewer.Muted : null,
            Bookmarked = signedIn ? viewer.Bookmarked : null,
            Pinned = viewerAccountId == status.AccountId ? viewer.Pinned : null,
            Application = viewerAccountId == status.AccountId && status.ApplicationId is { } appId && batch.Apps.TryGetValue(appId, out var app)
                ? new ApiStatusApplication(app.Name, string.IsNullOrEmpty(app.Website) ? null : app.Website)
                : null,
            Content = "",
            Account = accountRenderer.Render(author),
            Mentions = [],
            Tags = [],
        };
    }
}
