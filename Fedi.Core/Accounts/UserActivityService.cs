using Fedi.Core.Configuration;
using Fedi.Core.Contracts;
using Fedi.Core.Redis;

namespace Fedi.Core.Accounts;

/// <summary>
/// Records that a user is active (at most once a day, as Mastodon's SIGN_IN_UPDATE_FREQUENCY) and,
/// for a user returning after USER_ACTIVE_DAYS, drops the stale home feed: fan-out skipped them
/// while away, so the next home timeline read rebuilds it from the database.
/// </summary>
public sealed class UserActivityService(UserStore users, RedisConnection redis, InstanceOptions instance, TimeProvider clock)
{
    private static readonly TimeSpan UpdateFrequency = TimeSpan.FromHours(24);

    public async Task TrackAsync(long userId, long accountId, DateTime? currentSignInAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (currentSignInAt is { } last && now - last < UpdateFrequency) return;

        var previous = await users.TouchSignInAsync(userId, ct);
        if (previous is null || now - previous.Value > TimeSpan.FromDays(instance.UserActiveDays))
            await redis.Database.KeyDeleteAsync(RedisKeys.HomeFeed(accountId));
    }
}
