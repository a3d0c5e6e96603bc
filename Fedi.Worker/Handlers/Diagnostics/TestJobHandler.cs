using System.Globalization;
using Fedi.Core.Contracts.Jobs;
using Fedi.Core.Redis;
using Fedi.Worker.Engine;

namespace Fedi.Worker.Handlers.Diagnostics;

/// <summary>
/// <see cref="TestJob"/>: a job whose behaviour the caller chooses, so the engine's tests can drive the real
/// worker process through success, failure, permanent failure and slow jobs.
/// Every run appends "token|pid|unix ms" to the Redis list <c>key</c> (which must start with "diagnostics:")
/// — when done for "ok" and "sleep:ms", before throwing for "fail" and "permanent".
/// Registered only when FEDI_ENABLE_DIAGNOSTIC_JOBS=true: production has no use for a job that anyone able
/// to enqueue could use to write Redis keys or hold executors asleep.
/// </summary>
public sealed class TestJobHandler(RedisConnection redis, TimeProvider time) : JobHandler<TestJob>
{
    public const string KeyPrefix = "diagnostics:";

    public override async Task PerformAsync(TestJob job, CancellationToken ct)
    {
        var (key, behaviour, token) = (job.Key, job.Behaviour, job.Token ?? "run");
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            throw new PermanentJobException($"key must start with '{KeyPrefix}'");

        switch (behaviour.Split(':', 2))
        {
            case ["ok"]:
                await RecordAsync(key, token);
                break;
            case ["fail"]:
                await RecordAsync(key, token);
                throw new InvalidOperationException("diagnostic failure");
            case ["permanent"]:
                await RecordAsync(key, token);
                throw new PermanentJobException("diagnostic permanent failure");
            case ["sleep", var ms] when int.TryParse(ms, CultureInfo.InvariantCulture, out var delay):
                await Task.Delay(delay, ct);
                await RecordAsync(key, token);
                break;
            default:
                throw new PermanentJobException($"unknown behaviour '{behaviour}'");
        }
    }

    private Task RecordAsync(string key, string token) =>
        redis.Database.ListRightPushAsync(key, $"{token}|{Environment.ProcessId}|{time.GetUtcNow().ToUnixTimeMilliseconds()}");
}
