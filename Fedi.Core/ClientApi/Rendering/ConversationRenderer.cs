using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Conversations;
using Fedi.Core.Statuses;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders conversations for their owner: participants and last statuses loaded in one batch each.</summary>
public sealed class ConversationRenderer(AccountStore accounts, AccountRenderer accountRenderer, StatusStore statuses, StatusRenderer statusRenderer)
{
    public async Task<IReadOnlyList<ApiConversation>> RenderManyAsync(IReadOnlyList<AccountConversation> page, long viewerId, CancellationToken ct = default)
    {
        if (page.Count == 0) return [];
        var accountIds = page.SelectMany(c => c.ParticipantAccountIds).Append(viewerId).Distinct().ToList();
        var accountsById = (await accounts.ListAsync(accountIds, ct)).ToDictionary(a => a.Id);
        var lastStatuses = await statuses.ListAsync(page.Where(c => c.LastStatusId is not null).Select(c => c.LastStatusId!.Value).ToList(), ct);
        var rendered = (await statusRenderer.RenderManyAsync(lastStatuses, viewerId, ct)).ToDictionary(s => s.Id);

        return page.Select(c =>
        {
            // Mastodon shows the owner as the participant of a conversation with itself only.
            var others = c.ParticipantAccountIds.Where(accountsById.ContainsKey).Select(id => accountsById[id]).ToList();
            if (others.Count == 0 && accountsById.TryGetValue(viewerId, out var self)) others.Add(self);
            var last = c.LastStatusId is { } id ? rendered.GetValueOrDefault(ApiFormat.Id(id)) : null;
            return new ApiConversation(ApiFormat.Id(c.Id), c.Unread, others.Select(accountRenderer.Render).ToList(), last);
        }).ToList();
    }
}
