using Fedi.Core.Errors;

namespace Fedi.Core.Polls;

/// <summary>Mastodon's VoteService with its VoteValidator's rules: once per account, one choice unless the poll is
/// multiple, existing options only, not after the end, not in one's own poll. The caller has checked that the
/// voter may see the status.</summary>
public sealed class VotePollService(PollVoteStore votes, TimeProvider time)
{
    public async Task<Poll> VoteAsync(Poll poll, long voterId, IReadOnlyList<string> rawChoices, CancellationToken ct = default)
    {
        if (rawChoices.Count == 0) throw ApiException.BadRequest("param is missing or the value is empty: choices");
        if (poll.ExpiredAt(time.GetUtcNow().UtcDateTime)) throw Invalid("ERR_EXPIRED", "The poll has already ended");
        if (poll.AccountId == voterId) throw Invalid("ERR_INVALID", "You cannot vote in your own polls");
        var choices = new List<int>();
        foreach (var raw in rawChoices)
        {
            if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var choice)
                || choice >= poll.Options.Length)
                throw Invalid("ERR_INVALID", "The chosen vote option does not exist");
            if (!choices.Contains(choice)) choices.Add(choice);
        }
        // Mastodon stores a vote per choice, so a second choice in a single-choice poll reads as a second vote.
        if (!poll.Multiple && choices.Count > 1) throw Invalid("ERR_TAKEN", "You have already voted on this poll");

        var (outcome, updated) = await votes.VoteAsync(poll.Id, voterId, choices.ToArray(), ct);
        return outcome switch
        {
            PollVoteStore.Outcome.Voted => updated!,
            PollVoteStore.Outcome.AlreadyVoted => throw Invalid("ERR_TAKEN", "You have already voted on this poll"),
            _ => throw Invalid("ERR_EXPIRED", "The poll has already ended"),
        };
    }

    private static ValidationException Invalid(string code, string message) => new("base", code, message);
}
