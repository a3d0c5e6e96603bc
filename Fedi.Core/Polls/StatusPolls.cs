using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Jobs;
using Npgsql;

namespace Fedi.Core.Polls;

/// <summary>The poll part of posting or editing a status: checked before the transaction, written inside it, its
/// end scheduled after the commit (a job with <c>at</c>, as Mastodon's PollExpirationNotifyWorker.perform_at).</summary>
public sealed class StatusPolls(PollRules rules, PollStore polls, JobClient jobs, TimeProvider time)
{
    public void Validate(NewPoll? poll)
    {
        if (poll is not null) rules.Validate(poll);
    }

    public async Task<Poll?> AttachAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, long accountId,
        NewPoll? poll, CancellationToken ct) =>
        poll is null ? null : await polls.InsertAsync(connection, transaction, statusId, accountId, poll, ExpiresAt(poll), ct);

    /// <summary>Whether an edit sending <paramref name="poll"/> changes the status's poll: adds, drops or alters it.</summary>
    public async Task<bool> ChangesAsync(long statusId, NewPoll? poll, CancellationToken ct)
    {
        var current = (await polls.ListByStatusAsync([statusId], ct)).GetValueOrDefault(statusId);
        if (current is null || poll is null) return current is not null || poll is not null;
        return !current.Options.SequenceEqual(poll.Options) || current.Multiple != poll.Multiple || current.HideTotals != poll.HideTotals;
    }

    /// <summary>An edit: the poll sent replaces the one there (votes reset when options change); none sent removes it.</summary>
    public async Task<Poll?> ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long statusId, long accountId,
        NewPoll? poll, CancellationToken ct)
    {
        if (poll is not null) return await polls.UpsertAsync(connection, transaction, statusId, accountId, poll, ExpiresAt(poll), ct);
        await polls.DeleteByStatusAsync(connection, transaction, statusId, ct);
        return null;
    }

    public async Task ScheduleExpiryAsync(Poll? poll)
    {
        if (poll?.ExpiresAt is { } at) await jobs.ScheduleAsync(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), new PollExpirationNotifyJob(poll.Id));
    }

    private DateTime ExpiresAt(NewPoll poll) => time.GetUtcNow().UtcDateTime.AddSeconds(poll.ExpiresInSeconds ?? 0);
}
