using Fedi.Core.Contracts.Jobs;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Tests.Engine;

/// <summary>Unit level: a job class's own retry count and backoff (Mastodon's DeliveryWorker rules) over Sidekiq's defaults.</summary>
public sealed class JobRetryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static JobMessage Job(string retry, int? retryCount) => JobMessage.TryParse(
        $$"""{"class":"Fedi::TestJob","args":["diagnostics:x","fail"],"queue":"default","jid":"0123456789abcdef01234567","retry":{{retry}}{{(retryCount is { } c ? $",\"retry_count\":{c}" : "")}}}""")!;

    [Test]
    public void A_class_with_sixteen_retries_retries_a_default_job_until_the_sixteenth_failure_then_buries_it()
    {
        var fifteenth = RetryPolicy.Decide(Job("true", 14), "E", "m", false, Now, new Random(1), JobRetry.Delivery);
        Assert.That(fifteenth.Outcome, Is.EqualTo(FailureOutcome.Retry));
        var sixteenth = RetryPolicy.Decide(Job("true", 15), "E", "m", false, Now, new Random(1), JobRetry.Delivery);
        Assert.That(sixteenth.Outcome, Is.EqualTo(FailureOutcome.Dead));
        var withoutOverride = RetryPolicy.Decide(Job("true", 15), "E", "m", false, Now, new Random(1));
        Assert.That(withoutOverride.Outcome, Is.EqualTo(FailureOutcome.Retry), "Sidekiq's default is 25");
    }

    [Test]
    public void A_number_on_the_job_wins_over_the_class()
    {
        var decision = RetryPolicy.Decide(Job("3", 2), "E", "m", false, Now, new Random(1), JobRetry.Delivery);
        Assert.That(decision.Outcome, Is.EqualTo(FailureOutcome.Dead));
    }

    [TestCase(0)]
    [TestCase(4)]
    [TestCase(10)]
    public void The_delivery_backoff_is_n4_plus_15_plus_up_to_half_n4_plus_sidekiq_jitter(int previous)
    {
        var n = previous + 1;
        var decision = RetryPolicy.Decide(Job("true", previous), "E", "m", false, Now, new Random(n), JobRetry.Delivery);
        var delay = decision.At - Now.ToUnixTimeSeconds();
        var power = Math.Pow(n, 4);
        Assert.That(delay, Is.InRange(power + 15, power + 15 + 0.5 * power + 10 * (n + 1)));
        Assert.That(decision.RetryCount, Is.EqualTo(n));
    }
}
