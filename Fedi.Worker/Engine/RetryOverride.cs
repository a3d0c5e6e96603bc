namespace Fedi.Worker.Engine;

/// <summary>
/// A job class's own retry rules (Sidekiq's <c>sidekiq_options retry: n</c> plus <c>sidekiq_retry_in</c>),
/// declared by its handler through <see cref="IJobHandler.Retry"/>. <see cref="Retries"/> applies when the job
/// says only "retry": true (or nothing); an explicit number or false on the job still wins, as in Sidekiq where
/// the enqueuer's option overrides the class's. Sidekiq's jitter rand(10 * (n + 1)) is added to the delay.
/// </summary>
public sealed record RetryOverride(int? Retries, Func<int, Random, double>? DelaySeconds = null)
{
    /// <summary>Mastodon's ActivityPub::DeliveryWorker: 16 retries, n^4 + 15 + rand(0.5 n^4) seconds (about 2–3
    /// days in all), for a federation delivery handler.</summary>
    public static readonly RetryOverride Delivery = new(16, (n, random) =>
    {
        var power = Math.Pow(n, 4);
        return power + 15 + random.NextDouble() * 0.5 * power;
    });
}
