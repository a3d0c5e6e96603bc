using Fedi.Core.Accounts;
using Fedi.Core.Configuration;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Errors;
using Fedi.Core.Jobs;
using Fedi.Core.Json;
using Fedi.Core.Polls;
using Fedi.Core.Statuses;

namespace Fedi.Core.ScheduledStatuses;

/// <summary>
/// Mastodon's PostStatusService#schedule_status!: checks the post as a post would be checked, the time and the
/// limits per day and in all, stores its parameters and schedules its publication (a job with <c>at</c>; the
/// <c>scheduled-statuses</c> maintenance task picks up a row whose job was lost).
/// </summary>
public sealed class ScheduleStatusService(
    ScheduledStatusStore store, ScheduledAtRule rule, StatusPolls polls, ComposeOptions options, JobClient jobs)
{
    public async Task<ScheduledStatus> ScheduleAsync(Account author, NewStatus input, DateTime scheduledAt, CancellationToken ct = default)
    {
        PostStatusService.Validate(input);
        polls.Validate(input.Poll);
        rule.Check(scheduledAt);
        var json = FediJson.Serialize(ScheduledStatusParams.From(input));
        var (outcome, row) = await store.InsertAsync(author.Id, scheduledAt, json, options.ScheduledDailyLimit, options.ScheduledTotalLimit, ct);
        if (outcome == ScheduledStatusStore.Outcome.OverDailyLimit)
            throw new ValidationException("base", "ERR_LIMIT", $"You have exceeded the limit of {options.ScheduledDailyLimit} scheduled posts for that day");
        if (outcome == ScheduledStatusStore.Outcome.OverTotalLimit)
            throw new ValidationException("base", "ERR_LIMIT", $"You have exceeded the limit of {options.ScheduledTotalLimit} scheduled posts");
        await jobs.ScheduleAsync(new DateTimeOffset(scheduledAt, TimeSpan.Zero), new PublishScheduledStatusJob(row!.Id));
        return row;
    }
}
