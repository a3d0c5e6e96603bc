using Fedi.Core.Accounts;
using Fedi.Core.ClientApi.Rendering;
using Fedi.Core.Conversations;
using Fedi.Core.Json;
using Fedi.Core.Statuses;
using Fedi.Core.Streams;

namespace Fedi.Core.Timelines;

/// <summary>
/// The direct side of fan-out (Mastodon's AccountConversation.add_status + PushConversationWorker): a direct
/// status joins the conversation of its author and of each mentioned local account, and each of them gets the
/// Conversation as a <c>conversation</c> event on <c>timeline:direct:&lt;id&gt;</c>.
/// </summary>
public sealed class DirectConversations(
    StatusStore statuses, AccountStore accounts, ConversationStore store, ConversationRenderer renderer, StreamPublisher streams)
{
    public async Task DeliverAsync(Status status, CancellationToken ct = default)
    {
        if (status.Visibility != StatusVisibility.Direct) return;
        var mentioned = (await statuses.ListMentionedAccountIdsAsync([status.Id], ct))[status.Id];
        var everyone = mentioned.Append(status.AccountId).Distinct().ToList();
        var local = (await accounts.ListAsync(everyone, ct)).Where(a => a.IsLocal).Select(a => a.Id);
        foreach (var recipient in local)
        {
            var participants = everyone.Where(id => id != recipient).Order().ToArray();
            var conversation = await store.AddStatusAsync(recipient, participants, status.Id, unread: recipient != status.AccountId, ct);
            var payload = (await renderer.RenderManyAsync([conversation], recipient, ct))[0];
            await streams.PublishConversationAsync(recipient, FediJson.Serialize(payload));
        }
    }

    /// <summary>A deleted status leaves its conversations (no stream event, as Mastodon).</summary>
    public Task RemoveAsync(Status status, CancellationToken ct = default) =>
        status.Visibility == StatusVisibility.Direct ? store.RemoveStatusAsync(status.Id, ct) : Task.CompletedTask;
}
