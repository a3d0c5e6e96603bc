using System.Text.Json.Nodes;

namespace Fedi.Core.Contracts.Jobs;

/// <summary>
/// A job's retry rule, Sidekiq's <c>sidekiq_options retry:</c> plus <c>sidekiq_retry_in</c>. <see cref="Enabled"/>
/// is the "retry" (true or false) written into every job enqueued; <see cref="Retries"/> and
/// <see cref="DelaySeconds"/> are what the worker applies when the job says only "retry": true (or nothing) — an
/// explicit number or false on the job still wins, as in Sidekiq where the enqueuer's option overrides the
/// class's. Null means Sidekiq's 25 retries and n^4 + 15 seconds; Sidekiq's jitter rand(10 * (n + 1)) is added
/// to the delay either way.
/// </summary>
public sealed record JobRetry(bool Enabled, int? Retries = null, Func<int, Random, double>? DelaySeconds = null)
{
    /// <summary>Sidekiq's default: "retry": true, 25 retries, n^4 + 15 seconds.</summary>
    public static readonly JobRetry Default = new(true);

    /// <summary>"retry": false: a failure is dropped, never retried nor kept in the dead set.</summary>
    public static readonly JobRetry Never = new(false);

    /// <summary>Mastodon's ActivityPub::DeliveryWorker: 16 retries, n^4 + 15 + rand(0.5 n^4) seconds (about 2–3
    /// days in all), for a federation delivery job.</summary>
    public static readonly JobRetry Delivery = new(true, 16, (n, random) =>
    {
        var power = Math.Pow(n, 4);
        return power + 15 + random.NextDouble() * 0.5 * power;
    });

    /// <summary>The job's "retry" value on the wire.</summary>
    public JsonNode Wire => JsonValue.Create(Enabled);
}
