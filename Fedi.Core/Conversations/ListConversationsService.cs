using Fedi.Core.Data;
using Fedi.Core.Statuses;

namespace Fedi.Core.Conversations;

/// <summary>
/// GET /api/v1/conversations: the owner's conversations, leaving out those whose last status the owner's
/// blocks and mutes hide (<see cref="StatusFilterStore.VisibleOnTimeline"/>), as home leaves such statuses out.
/// </summary>
public sealed class ListConversationsService(ConversationStore conversations, StatusFilterStore filter)
{
    public async Task<IReadOnlyList<AccountConversation>> ListAsync(long accountId, Page page, CancellationToken ct = default)
    {
        var rows = await conversations.ListPageAsync(accountId, page, ct);
        var lastIds = rows.Where(c => c.LastStatusId is not null).Select(c => c.LastStatusId!.Value).ToList();
        var visible = (await filter.ListVisibleAsync(lastIds, accountId, ct)).Select(s => s.Id).ToHashSet();
        return rows.Where(c => c.LastStatusId is { } id && visible.Contains(id)).ToList();
    }
}
