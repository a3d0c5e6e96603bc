using Fedi.Core.Contracts;
using Fedi.Core.Errors;
using Fedi.Core.Redis;
using StackExchange.Redis;

namespace Fedi.Core.Statuses;

/// <summary>
/// Idempotency-Key for POST /api/v1/statuses: the first request claims the key (SET NX), later ones
/// within the hour get the status it created — also while the first is still running.
/// </summary>
public sealed class StatusIdempotency(RedisConnection redis)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const string Pending = "pending";

    public async Task<Status> OnceAsync(long accountId, string key, Func<Task<Status>> create, Func<long, Task<Status?>> find, CancellationToken ct)
    {
        var redisKey = RedisKeys.StatusIdempotency(accountId, key);
        if (await redis.Database.StringSetAsync(redisKey, Pending, Lifetime, When.NotExists))
        {
            try
            {
                var status = await create();
                await redis.Database.StringSetAsync(redisKey, status.Id, Lifetime);
                return status;
            }
            catch
            {
                await redis.Database.KeyDeleteAsync(redisKey);
                throw;
            }
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var value = await redis.Database.StringGetAsync(redisKey);
            if (value.IsNull) return await OnceAsync(accountId, key, create, find, ct); // the first attempt failed; this one may succeed
            if (value != Pending && long.TryParse(value.ToString(), out var id))
                return await find(id) ?? throw ApiException.NotFound();
            await Task.Delay(50, ct);
        }
        throw new ApiException(409, "A request with this Idempotency-Key is still being processed");
    }
}
