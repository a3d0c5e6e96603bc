using System.Text.Json.Nodes;
using Fedi.Core.Contracts.Jobs;

namespace Fedi.Worker.Engine;

/// <summary>What happens to a job after a failure.</summary>
public enum FailureOutcome { Retry, Dead, Discard }

/// <summary>The decision for one failure, with the job already updated (Sidekiq's failure fields).</summary>
public sealed record FailureDecision(FailureOutcome Outcome, string Json, double At, int RetryCount);

/// <summary>
/// Sidekiq's retry rules (lib/sidekiq/job_retry.rb): "retry" true = 25 retries, a number = that many,
/// false = none and the job is discarded; 0 = none but it is kept in the dead set. The first failure sets
/// failed_at and retry_count 0, later ones retried_at and retry_count + 1. Retry n waits
/// n^4 + 15 + rand(10 * (n + 1)) seconds. Exhausted or permanent failures go to the dead set unless the job
/// says "dead": false. A job without a "retry" key is treated as retry: true (our own default).
/// </summary>
public static class RetryPolicy
{
    public const int DefaultRetries = 25;
    public const int MaxErrorMessage = 10_000;

    public static FailureDecision Decide(JobMessage job, string errorClass, string errorMessage, bool permanent, DateTimeOffset now, Random random,
        JobRetry? rule = null)
    {
        var at = now.ToUnixTimeMilliseconds() / 1000.0;
        job.Set("error_message", errorMessage.Length > MaxErrorMessage ? errorMessage[..MaxErrorMessage] : errorMessage);
        job.Set("error_class", errorClass);
        int count;
        if (job.GetInt("retry_count") is { } previous)
        {
            count = previous + 1;
            job.Set("retried_at", at);
        }
        else
        {
            count = 0;
            job.Set("failed_at", at);
        }
        job.Set("retry_count", count);

        var max = rule?.Retries is { } classRetries && IsDefault(job.Retry) ? classRetries : MaxRetries(job.Retry);
        if (max is null) return new FailureDecision(FailureOutcome.Discard, job.ToJson(), at, count);
        if (!permanent && count < max)
            return new FailureDecision(FailureOutcome.Retry, job.ToJson(), at + DelaySeconds(count, random, rule?.DelaySeconds), count);
        return new FailureDecision(job.KeepWhenDead ? FailureOutcome.Dead : FailureOutcome.Discard, job.ToJson(), at, count);
    }

    /// <summary>Null when the job must never be retried nor kept (retry: false).</summary>
    public static int? MaxRetries(JsonValue? retry)
    {
        if (retry is null) return DefaultRetries;
        if (retry.TryGetValue<bool>(out var flag)) return flag ? DefaultRetries : null;
        if (retry.TryGetValue<double>(out var number)) return number <= 0 ? 0 : (int)Math.Min(number, 1000);
        return DefaultRetries;
    }

    /// <summary>Seconds before retry number <paramref name="count"/> (0-based): the class's own delay or
    /// n^4 + 15, plus Sidekiq's jitter either way.</summary>
    public static double DelaySeconds(int count, Random random, Func<int, Random, double>? custom = null) =>
        (custom?.Invoke(count, random) ?? Math.Pow(count, 4) + 15) + random.Next(10 * (count + 1));

    /// <summary>"retry": true or absent — the job leaves the count to its class.</summary>
    private static bool IsDefault(System.Text.Json.Nodes.JsonValue? retry) =>
        retry is null || (retry.TryGetValue<bool>(out var flag) && flag);
}
