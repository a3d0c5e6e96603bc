using Fedi.Core.Accounts;
using Fedi.Core.Federation.ActivityStreams;
using Fedi.Core.Statuses;

namespace Fedi.Core.Federation.Documents;

/// <summary>Loads what Notes are rendered from for a batch of statuses: authors, mentions, tags, parents, in four queries.</summary>
public sealed class NoteSources(StatusStore statuses, AccountStore accounts, TagStore tags)
{
    public async Task<IReadOnlyList<NoteSource>> LoadAsync(IReadOnlyList<Status> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(s => s.Id).ToList();
        var mentions = await statuses.ListMentionedAccountIdsAsync(ids, ct);
        var tagNames = await tags.ListNamesAsync(ids, ct);
        var parentIds = rows.Where(s => s.InReplyToId is not null).Select(s => s.InReplyToId!.Value).ToList();
        var parents = parentIds.Count == 0 ? [] : await statuses.ListAsync(parentIds, ct);
        var accountIds = rows.Select(s => s.AccountId).Concat(mentions.SelectMany(m => m)).Concat(parents.Select(p => p.AccountId)).ToList();
        var byId = (await accounts.ListAsync(accountIds, ct)).ToDictionary(a => a.Id);
        var parentUris = parents.ToDictionary(p => p.Id, p => p.Uri);

        return rows.Where(s => byId.ContainsKey(s.AccountId)).Select(s => new NoteSource(
            s,
            byId[s.AccountId],
            mentions[s.Id].Where(byId.ContainsKey).Select(id => byId[id]).ToList(),
            tagNames[s.Id].ToList(),
            s.InReplyToId is { } parent ? parentUris.GetValueOrDefault(parent) : null)).ToList();
    }

    public async Task<NoteSource?> LoadAsync(Status status, CancellationToken ct = default) =>
        (await LoadAsync([status], ct)).FirstOrDefault();
}
