using Fedi.Core.ClientApi.Entities;
using Fedi.Core.Polls;

namespace Fedi.Core.ClientApi.Rendering;

/// <summary>Renders polls for a viewer (Mastodon's PollSerializer): the polls of a page of statuses and the viewer's
/// votes in them take two queries, whatever the page's size.</summary>
public sealed class PollRenderer(PollStore polls, PollVoteStore votes, TimeProvider time)
{
    public async Task<ApiPoll> RenderAsync(Poll poll, long? viewerAccountId, CancellationToken ct = default)
    {
        var own = viewerAccountId is { } viewer ? await votes.ListChoicesAsync(viewer, [poll.Id], ct) : new Dictionary<long, int[]>();
        return Render(poll, viewerAccountId, own);
    }

    /// <summary>The rendered poll of each status among <paramref name="statusIds"/> that has one.</summary>
    public async Task<IReadOnlyDictionary<long, ApiPoll>> RenderForStatusesAsync(IReadOnlyCollection<long> statusIds, long? viewerAccountId,
        CancellationToken ct = default)
    {
        var byStatus = await polls.ListByStatusAsync(statusIds, ct);
        if (byStatus.Count == 0) return new Dictionary<long, ApiPoll>();
        var own = viewerAccountId is { } viewer
            ? await votes.ListChoicesAsync(viewer, byStatus.Values.Select(p => p.Id).ToArray(), ct)
            : new Dictionary<long, int[]>();
        return byStatus.ToDictionary(p => p.Key, p => Render(p.Value, viewerAccountId, own));
    }

    private ApiPoll Render(Poll poll, long? viewerAccountId, IReadOnlyDictionary<long, int[]> own)
    {
        var expired = poll.ExpiredAt(time.GetUtcNow().UtcDateTime);
        var showTotals = expired || !poll.HideTotals;
        var ownChoices = own.GetValueOrDefault(poll.Id);
        return new ApiPoll
        {
            Id = ApiFormat.Id(poll.Id),
            ExpiresAt = ApiFormat.Time(poll.ExpiresAt),
            Expired = expired,
            Multiple = poll.Multiple,
            VotesCount = poll.VotesCount,
            VotersCount = poll.VotersCount,
            Options = poll.Options.Select((title, i) => new ApiPollOption(title, showTotals ? poll.CachedTallies.ElementAtOrDefault(i) : null)).ToList(),
            // Mastodon counts the author as having voted, so clients show the results rather than the ballot.
            Voted = viewerAccountId is { } viewer ? viewer == poll.AccountId || ownChoices is not null : null,
            OwnVotes = viewerAccountId is null ? null : ownChoices ?? [],
        };
    }
}
